// Second half of `npm run build`: links the JavaScript tsc emitted into dist/ (dist/main.js and the
// modules it imports, dependencies included) into one file, dist/imgate.mjs, which `npm start` and
// bin/imgate.mjs run. Loading one file instead of some two thousand modules is most of the
// compiled gateway's start-up advantage (bench/startup). Nothing is transformed: tsc is the compiler.
import { build } from 'esbuild';

/** Loaded at run time from node_modules: optional native or cloud add-ons, and packages that read their own files. */
const EXTERNAL = [
  'swagger-ui-dist',
  'kerberos',
  'snappy',
  '@mongodb-js/zstd',
  'mongodb-client-encryption',
  'aws4',
  'gcp-metadata',
  'socks',
  '@aws-sdk/credential-providers',
  'bufferutil',
  'utf-8-validate',
];

await build({
  entryPoints: ['dist/main.js'],
  outfile: 'dist/imgate.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: EXTERNAL,
  sourcemap: true,
  logLevel: 'warning',
  // CommonJS dependencies call `require`; an ES module has none of its own.
  banner: {
    js: "import { createRequire as __imgateRequire } from 'node:module'; const require = __imgateRequire(import.meta.url);",
  },
});
