import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { offlineLock } from './support/offline-lock.ts';
import { startTestGateway, type TestGateway } from './support/start-test-gateway.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PACKAGE = join(ROOT, 'conformance');
const BUILT = ['dist', 'specs'].map((d) => join(PACKAGE, d));
const TARBALL = 'imgate-conformance-0.1.0.tgz';

/** Runs a command without blocking this process (the gateway answers from this event loop). */
function exec(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('close', (status) => done({ status, stdout, stderr }));
  });
}

let dir: string;
let gateway: TestGateway;
beforeAll(async () => {
  // Packs the build `npm run build` made (npm test runs it first): rebuilding here would clean
  // dist/ under the other tests that run the compiled suite at the same time.
  for (const built of BUILT)
    if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build`);
  dir = mkdtempSync(join(tmpdir(), 'imgate-pack-'));
  gateway = await startTestGateway();
}, 60_000);
afterAll(async () => {
  await gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The suite is a package of its own: built to JavaScript with its documents and packed,
 * the tarball installs offline into an empty folder (tarballs from the local npm cache), and the
 * installed command runs against our gateway from that folder, far from the repository.
 */
it('packs, installs offline into an empty folder and runs against a gateway from there', async () => {
  const packed = await exec('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], PACKAGE);
  expect(packed.status, packed.stderr).toBe(0);
  const list = await exec('tar', ['tzf', join(dir, TARBALL)], dir);
  const files = list.stdout.split('\n').filter(Boolean);
  expect(files).toContain('package/dist/cli.js');
  expect(files).toContain('package/specs/openapi/messages.yaml');
  expect(files).toContain('package/specs/asyncapi/push.yaml');
  expect(files.filter((f) => f.endsWith('.ts') || f.includes('/src/'))).toEqual([]);

  const app = join(dir, 'app');
  const spec = `file:../${TARBALL}`;
  await exec('mkdir', [app], dir);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  writeFileSync(
    join(app, 'package-lock.json'),
    JSON.stringify(offlineLock(join(ROOT, 'package-lock.json'), join(dir, TARBALL), spec)),
  );
  const installed = await exec(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', `../${TARBALL}`],
    app,
  );
  expect(installed.status, installed.stderr).toBe(0);
  const manifest = JSON.parse(
    readFileSync(join(app, 'node_modules/imgate-conformance/package.json'), 'utf8'),
  ) as { dependencies: object };
  expect(Object.keys(manifest.dependencies).sort()).toEqual([
    '@asyncapi/parser',
    'ajv',
    'ajv-formats',
    'ws',
    'yaml',
  ]);
  expect(existsSync(join(app, 'node_modules/hono'))).toBe(false);

  const bin = join(app, 'node_modules/.bin/imgate-conformance');
  const args = [
    '--target',
    gateway.url,
    '--admin-token',
    gateway.adminToken,
    '--phases',
    'examples,stateful,push',
  ];
  const ran = await exec(bin, [...args, '--report', 'json', '--out', 'reports'], app);
  expect(ran.stderr).not.toMatch(/\n\s+at /);
  expect(ran.status, `${ran.stdout.slice(-2000)}\n${ran.stderr}`).toBe(0);
  const report = JSON.parse(readFileSync(join(app, 'reports/conformance.json'), 'utf8')) as {
    cases: number;
    failures: unknown[];
  };
  expect(report.failures).toEqual([]);
  expect(report.cases).toBeGreaterThan(100);
  console.log(`installed package: ${ran.stdout.split('\n')[0]}`);
}, 240_000);
