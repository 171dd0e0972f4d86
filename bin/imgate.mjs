#!/usr/bin/env -S node --max-semi-space-size=64
// Runs the compiled gateway (dist/imgate.mjs, built by `npm run build`, which `npm start` and
// `npm test` run first). --max-semi-space-size: see docs/embedded-mongo.md.
import { existsSync } from 'node:fs';

const main = new URL('../dist/imgate.mjs', import.meta.url);
if (!existsSync(main)) {
  console.error('imgate: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
await import(main.href);
