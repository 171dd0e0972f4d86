import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadSpecs } from '../../conformance/run-suite.ts';
import { SPEC_FILES } from './fixtures/fixture-server.ts';
import { dreddFixtures } from './support/dredd-fixtures.ts';
import { startTestGateway, type TestGateway } from './support/start-test-gateway.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const OPENAPI = SPEC_FILES.filter((f) => f.startsWith('openapi/'));

let gateway: TestGateway;
let dir: string;
beforeAll(async () => {
  gateway = await startTestGateway();
  dir = mkdtempSync(join(tmpdir(), 'imgate-dredd-'));
});
afterAll(async () => {
  await gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Dredd's OpenAPI 3 adapter reads only local `#/components` references: bundle each document first. */
async function bundled(file: string): Promise<string> {
  const config = await loadConfig({ configPath: join(ROOT, 'redocly.yaml') });
  const { bundle: doc } = await bundle({ ref: join(ROOT, file), config });
  const out = join(dir, file.replace('openapi/', ''));
  writeFileSync(out, stringify(doc.parsed));
  return out;
}

/** Dredd, an independent tool, replays every documented example against our gateway and agrees. */
it('Dredd passes every example transaction against the gateway', async () => {
  const fixturesFile = join(dir, 'fixtures.json');
  writeFileSync(
    fixturesFile,
    JSON.stringify(await dreddFixtures(gateway.url, gateway.adminToken, SPEC_FILES)),
  );
  const [first, ...rest] = await Promise.all(OPENAPI.map(bundled));
  const args = [
    '--no-install',
    'dredd',
    first ?? '',
    gateway.url,
    ...rest.flatMap((p) => ['--path', p]),
    '--hookfiles',
    join(ROOT, 'conformance/dredd/hooks.cjs'),
    '--language',
    'nodejs',
  ];
  const { stdout, stderr } = await run('npx', args, {
    cwd: ROOT,
    env: { ...process.env, IMGATE_DREDD_FIXTURES: fixturesFile },
    maxBuffer: 32 * 1024 * 1024,
  }).catch((error: { stdout: string; stderr: string }) => error);
  const output = `${stdout}\n${stderr}`.replace(ANSI, '');
  const complete = /complete: (\d+) passing, (\d+) failing, (\d+) errors, (\d+) skipped, (\d+) total/.exec(
    output,
  );
  const [passing, failing, errors, skipped, total] = (complete?.slice(1) ?? []).map(Number);
  console.log(
    `dredd: ${passing} passing, ${failing} failing, ${errors} errors, ${skipped} skipped, ${total} total`,
  );
  const problems = output.split('\n').filter((l) => /^(fail|error): /.test(l));
  expect(problems).toEqual([]);
  expect(complete, output.slice(-3000)).not.toBeNull();
  expect(failing).toBe(0);
  expect(errors).toBe(0);
  // One 2xx transaction per operation runs and passes; the rest are the non-2xx ones hooks.cjs skips.
  const operations = (await loadSpecs(OPENAPI)).apis.flatMap((a) => a.operations).length;
  expect(passing).toBe(operations);
  expect(skipped).toBe((total ?? 0) - operations);
}, 120_000);
