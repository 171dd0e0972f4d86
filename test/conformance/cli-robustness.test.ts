import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type FixtureServer, startFixtureServer } from './fixtures/fixture-server.ts';
import { parseXmlOutline } from './support/xml-outline.ts';

const BIN = resolve(import.meta.dirname, '../../bin/imgate-conformance.mjs');
const STACK = /\n\s+at .+:\d+:\d+/;
let dir: string;
let server: FixtureServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imgate-cli-'));
  // A PATH entry that makes the repro's `imgate-conformance` the command under test.
  writeFileSync(join(dir, 'imgate-conformance'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, 'imgate-conformance'), 0o755);
  server = await startFixtureServer(['sync-undecodable', 'push-duplicate']);
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

/** A child process that does not block this one: the fixture server answers from this event loop. */
function runAsync(command: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('close', (status) => done({ status, stdout, stderr }));
  });
}

describe('the command line', () => {
  it.each([
    ['--help', ['--help']],
    ['an unknown flag', ['--target', 'http://127.0.0.1:9', '--nope']],
    ['a negative seed', ['--target', 'http://127.0.0.1:9', '--seed', '-1']],
    ['zero concurrency', ['--target', 'http://127.0.0.1:9', '--concurrency', '0']],
    ['an unknown report', ['--target', 'http://127.0.0.1:9', '--report', 'xml']],
    ['a timeout that is not a number', ['--target', 'http://127.0.0.1:9', '--timeout', 'soon']],
  ])('%s prints the usage and exits 2 without a stack trace', (_name, args) => {
    const out = run(args);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('usage: imgate-conformance --target URL');
    expect(out.stderr).not.toMatch(STACK);
  });

  it('validates --out before the run starts', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const out = run([
      '--target',
      'http://127.0.0.1:9',
      '--admin-token',
      'x',
      '--report',
      'json',
      '--out',
      file,
    ]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/--out .* is not a writable directory/);
    expect(out.stderr).not.toContain('fixture call');
  });
});

describe('against a server with undecodable records and duplicated push frames', () => {
  const out = () => join(dir, 'reports');
  let report: { failures: { check: string; repro: string; operation: string }[] };

  beforeAll(async () => {
    const args = ['--target', server.url, '--admin-token', ADMIN_TOKEN, '--phases', 'stateful,push'];
    const reports = ['--max-cases', '1', '--report', 'json,junit,html', '--out', out()];
    const res = await runAsync(process.execPath, [BIN, ...args, ...reports]);
    expect(res.stderr).not.toMatch(STACK);
    expect(res.status).toBe(1);
    report = JSON.parse(readFileSync(join(out(), 'conformance.json'), 'utf8')) as typeof report;
  }, 120_000);

  it('reports the malformed answers as failures, with every report written', () => {
    const checks = new Set(report.failures.map((f) => f.check));
    expect(checks).toContain('encoding_conformance');
    expect(checks).toContain('push_exactly_once');
    for (const file of ['conformance.json', 'junit.xml', 'conformance.html'])
      expect(existsSync(join(out(), file))).toBe(true);
  });

  it('prints repro lines that run as printed: a curl line and a phase re-run', async () => {
    const curl = report.failures.find((f) => f.check === 'encoding_conformance')?.repro ?? '';
    expect(curl).toMatch(/^curl /);
    const replayed = await runAsync('sh', ['-c', curl]);
    expect(replayed.status).toBe(0);
    expect(replayed.stdout).toContain('%%not base64');
    const rerun = report.failures.find((f) => f.check === 'push_exactly_once')?.repro ?? '';
    expect(rerun).toMatch(/^imgate-conformance --target \S+ --variant \S+ --phases push --seed 1$/);
    const again = await runAsync('sh', ['-c', rerun], {
      PATH: `${dir}:${process.env.PATH ?? ''}`,
      IMGATE_ADMIN_TOKEN: ADMIN_TOKEN,
    });
    expect(again.stderr).not.toMatch(STACK);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('push_exactly_once DuplicatePushEvent');
  }, 150_000);

  it('keeps push operation names whole in JUnit', () => {
    const junit = parseXmlOutline(readFileSync(join(out(), 'junit.xml'), 'utf8'));
    const cases = junit.children.flatMap((s) =>
      s.children.map((c) => `${c.attributes.classname} ${c.attributes.name}`),
    );
    expect(cases).toContain('push.push.send message push_emitted');
    expect(cases).toContain('push.push.connection push_exactly_once');
    expect(cases.filter((c, i) => cases.indexOf(c) !== i)).toEqual([]);
  });

  it('writes a self-contained HTML report: the matrix coloured, each failure with its repro', () => {
    const html = readFileSync(join(out(), 'conformance.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|\bsrc=|\bhref=|@import|url\(/i);
    expect(html).toMatch(/<td class="covered" title="covered">200<\/td>/);
    expect(html).toContain('<h3 class="high">[high] EncodingViolation in record:recordSync');
    expect(html).toContain('curl -sS -X POST');
    expect(html).toMatch(/push-at-most-once<\/td><td>push_exactly_once<\/td><td class="checked">/);
  });
});

it('writes partial reports when interrupted', async () => {
  const out = join(dir, 'partial');
  const child: ChildProcess = spawn(
    process.execPath,
    [BIN, '--target', server.url, '--admin-token', ADMIN_TOKEN, '--report', 'json,html', '--out', out],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  await new Promise<void>((resolveStarted, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/\] 100 cases/.test(stderr)) resolveStarted();
    });
    child.once('exit', () => reject(new Error(`exited before 100 cases: ${stderr}`)));
  });
  child.kill('SIGINT');
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  expect(code).toBe(130);
  const json = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as {
    partial: string;
    cases: number;
  };
  expect(json.partial).toBe('interrupted by SIGINT');
  expect(json.cases).toBeGreaterThanOrEqual(100);
  expect(readFileSync(join(out, 'conformance.html'), 'utf8')).toContain(
    'Partial report: interrupted by SIGINT',
  );
}, 120_000);
