// Second half of `npm run build`: links the JavaScript tsc emitted into dist/ (dist/main.js and the
// modules it imports, dependencies included) into one file, dist/imgate.mjs, which `npm start` and
// bin/imgate.mjs run. Loading one file instead of some two thousand modules is most of the
// compiled gateway's start-up advantage (bench/startup). Nothing is transformed: tsc is the compiler.
import { build } from 'esbuild';
import { nodeBundle } from './node-bundle.mjs';

await build({ ...nodeBundle('dist/main.js', 'dist/imgate.mjs'), sourcemap: true });
