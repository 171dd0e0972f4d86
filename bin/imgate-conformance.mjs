#!/usr/bin/env node
// Runs the compiled conformance suite (conformance/dist, built by `npm run build`, which `npm start`
// and `npm test` run first): the same JavaScript the imgate-conformance package ships.
import { existsSync } from 'node:fs';

const cli = new URL('../conformance/dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('imgate-conformance: conformance/dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exit(await main(process.argv.slice(2)));
