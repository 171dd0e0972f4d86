import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../bin/imgate-conformance.mjs');

function run(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
}

/** CI pipelines read the exit code of the installed command: a broken run must never exit 0. */
it('the imgate-conformance command exits 2 with its usage when the run cannot start', () => {
  const missingTarget = run([]);
  expect(missingTarget.status).toBe(2);
  expect(missingTarget.stderr).toContain('--target is required');

  const noServer = run(['--target', 'http://127.0.0.1:9', '--admin-token', 'x', '--variant', 'imchat']);
  expect(noServer.status).toBe(2);
  expect(noServer.stderr).toMatch(/imgate-conformance: /);
});
