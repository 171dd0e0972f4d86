/**
 * Runs MongoDB's public CRUD specification tests (unified test format) through the official
 * driver against the embedded server, started in this process as a standalone server.
 *
 * The tests are not part of this repository (their CC BY-NC-SA licence keeps them out): check
 * out mongodb/specifications anywhere and pass the folder holding the JSON files:
 *
 *   npx tsx scripts/crud-spec/run.ts /tmp/specifications/source/crud/tests/unified [--verbose] [filter]
 *
 * Prints run / passed / refused with an error / failed (a wrong result) / failed by the Node.js
 * driver (driver-deviations.ts) / skipped by version or topology, and with --verbose every test
 * that did not pass with its reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { driverDeviation } from './driver-deviations.ts';
import type { UnifiedFile } from './format.ts';
import { type ServerFacts, unmetRequirements } from './requirements.ts';
import { runTest } from './run-test.ts';

const [folder, ...flags] = process.argv.slice(2);
if (!folder) {
  console.error('usage: run.ts <path to source/crud/tests/unified> [--verbose] [file filter]');
  process.exit(2);
}
const verbose = flags.includes('--verbose');
const filter = flags.find((flag) => !flag.startsWith('--'));

const server = await startEmbeddedMongo({ enableTestCommands: true });
const setup = new MongoClient(server.uri);
await setup.connect();
const info = await setup.db('admin').command({ buildInfo: 1 });
const facts: ServerFacts = { version: info.versionArray as number[], topology: 'single' };
const counts = {
  run: 0,
  passed: 0,
  refused: 0,
  failed: 0,
  failedByDriver: 0,
  skippedByVersion: 0,
  skippedByTopology: 0,
  skippedOther: 0,
};
const notes: string[] = [];

for (const name of readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  if (filter && !name.includes(filter)) continue;
  const file = EJSON.parse(readFileSync(join(folder, name), 'utf8'), { relaxed: true }) as UnifiedFile;
  for (const test of file.tests) {
    const why = test.skipReason
      ? 'other'
      : (unmetRequirements(file.runOnRequirements, facts) ??
        unmetRequirements(test.runOnRequirements, facts));
    if (why === 'version') counts.skippedByVersion++;
    else if (why === 'topology') counts.skippedByTopology++;
    else if (why) counts.skippedOther++;
    if (why) continue;
    counts.run++;
    const verdict = await runTest(server.uri, setup, file, test);
    const driver = verdict.outcome === 'failed' ? driverDeviation(name, test.description) : undefined;
    if (verdict.outcome === 'failed' && driver) {
      counts.failedByDriver++;
      notes.push(`DRIVER ${name} :: ${test.description}\n    ${verdict.reason}\n    (${driver})`);
      continue;
    }
    counts[verdict.outcome]++;
    if (verdict.outcome !== 'passed')
      notes.push(`${verdict.outcome.toUpperCase()} ${name} :: ${test.description}\n    ${verdict.reason}`);
  }
}

await setup.close();
await server.close();
if (verbose) console.log(notes.join('\n'));
const rate = (count: number) => (counts.run > 0 ? ((100 * count) / counts.run).toFixed(1) : '0');
console.log(
  `server ${info.version}: run ${counts.run}, passed ${counts.passed} (${rate(counts.passed)}%), ` +
    `refused with an error ${counts.refused}, failed (wrong result) ${counts.failed}, ` +
    `failed by the Node.js driver ${counts.failedByDriver}; skipped by version ${counts.skippedByVersion}, ` +
    `by topology ${counts.skippedByTopology}, other ${counts.skippedOther}`,
);
process.exitCode = counts.failed > 0 ? 1 : 0;
