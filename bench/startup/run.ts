import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { nodeBundle } from '../../scripts/node-bundle.mjs';

/**
 * Startup benchmark (`npx tsx bench/startup/run.ts`): time from spawning a process to its first
 * healthy `/healthz`, on an empty data directory, for the compiled gateway (`npm start`), the same
 * gateway as tsc's modules and through tsx, and a compiled minimal server opening the same
 * embedded store (`minimal-server.mjs`, the ceiling), as modules and linked into one file like
 * `npm start` (so the linking is credited to neither side). Runs alternate; medians are reported. Env: BENCH_ROUNDS (7).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const FLAGS = ['--max-semi-space-size=64'];

const SUBJECTS = {
  'gateway, npm start (dist/imgate.mjs: tsc output linked into one file)': [
    ...FLAGS,
    'dist/imgate.mjs',
    'serve',
  ],
  'gateway, tsc output as modules (dist/main.js)': [...FLAGS, 'dist/main.js', 'serve'],
  'gateway, tsx (npm run dev)': [...FLAGS, '--import', 'tsx', 'src/main.ts', 'serve'],
  'minimal server, compiled, same store': [...FLAGS, 'bench/startup/minimal-server.mjs'],
  'minimal server, linked into one file': [...FLAGS, 'dist/bench-minimal.mjs'],
} as const;
type Subject = keyof typeof SUBJECTS;

async function healthyAfter(args: readonly string[]): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'imgate-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, JWT_SECRET: 's'.repeat(40), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const url = await new Promise<string>((done, fail) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
        if (match?.[1]) done(match[1]);
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => fail(new Error(`exited with ${code}: ${output}`)));
    });
    for (let i = 0; i < 10_000; i += 1) {
      const ok = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
    }
    throw new Error('never healthy');
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
await build(nodeBundle(join(ROOT, 'bench/startup/minimal-server.mjs'), join(ROOT, 'dist/bench-minimal.mjs')));
const times = new Map<Subject, number[]>(Object.keys(SUBJECTS).map((name) => [name as Subject, []]));
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [name, args] of Object.entries(SUBJECTS))
    times.get(name as Subject)?.push(await healthyAfter(args));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ceiling = median(times.get('minimal server, compiled, same store') ?? []);
console.log(`node ${process.version}, ${ROUNDS} alternating rounds, empty data directory each\n`);
console.log('| process | to first healthy /healthz (median) | vs minimal |');
console.log('|---|---:|---:|');
const rows = [...times].map(([name, values]) => ({
  name,
  medianMs: median(values),
  ratio: median(values) / ceiling,
  values,
}));
for (const row of rows)
  console.log(`| ${row.name} | ${row.medianMs.toFixed(0)} ms | ${row.ratio.toFixed(2)}x |`);
const out = resolve(import.meta.dirname, '../results/startup.json');
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), rounds: ROUNDS, rows }, null, 2)}\n`);
console.log(`\nwritten: ${out}`);
