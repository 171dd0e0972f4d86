import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startWorker, type Worker } from '../push/processes.ts';
import { imchatSendTarget, ROUTE_CASES } from './cases.ts';
import { closedLoop, openLoop, type RateResult, type Target } from './load.ts';
import type { LoopCommand, ServerMode, ServerReply } from './protocol.ts';
import { type LatencyRow, type Pair, printTables, ratio } from './report.ts';

/**
 * HTTP benchmark (`npx tsx bench/http/run.ts`): every figure is a ratio of two rates measured in
 * this run — (a) four gateway routes vs the same store calls without HTTP, (b) the imchatSend
 * route with vs without zod validation, (c) Hono hello world vs raw node:http — plus p50/p99 of
 * the gateway routes at half their maximum rate. Server in a child on core 1, load here on core 0.
 * Subject and baseline run in alternating slices. Env: BENCH_SECONDS (5, per side), BENCH_SLICES (5), BENCH_WARMUP (1), BENCH_CONCURRENCY (32), BENCH_SEED (1000 messages).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SEED = Number(process.env.BENCH_SEED ?? 1000);
const SLICES = Number(process.env.BENCH_SLICES ?? 5);

type Server = Worker<LoopCommand, ServerReply>;

/** Pins `pid` (all its threads) to `cores`; false when taskset is missing or refused. */
function pin(pid: number | undefined, cores: string): boolean {
  if (pid === undefined) return false;
  try {
    execFileSync('taskset', ['-a', '-pc', cores, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const pinned = pin(process.pid, '0');

async function startServer(mode: ServerMode) {
  const server: Server = startWorker<LoopCommand, ServerReply>('../http/server-process.ts', [
    mode,
    String(SEED),
  ]);
  pin(server.child.pid, '1');
  server.child.setMaxListeners(0); // `next()` adds an exit listener per reply awaited
  const ready = await server.next('ready', 300_000);
  return { server, ...ready };
}

/** Sums slices into one rate. */
function total(slices: readonly RateResult[]): RateResult {
  const requests = slices.reduce((sum, r) => sum + r.requests, 0);
  const seconds = slices.reduce((sum, r) => sum + r.seconds, 0);
  const errors = slices.reduce((sum, r) => sum + r.errors, 0);
  return { requests, seconds, perSecond: requests / seconds, errors };
}

/**
 * Subject and baseline alternate in `SLICES` slices of `SECONDS / SLICES` (each after its own
 * warm-up), so that the noise of a shared machine falls on both sides of a ratio alike.
 */
async function interleaved(subject: () => Promise<RateResult>, baseline: () => Promise<RateResult>) {
  const subjects: RateResult[] = [];
  const baselines: RateResult[] = [];
  for (let i = 0; i < SLICES; i++) {
    subjects.push(await subject());
    baselines.push(await baseline());
  }
  return { subject: total(subjects), baseline: total(baselines) };
}

const slice = SECONDS / SLICES;
const warmed = new Set<string>();
/** The warm-up of a side's first slice only. */
function warmOnce(key: string): number {
  if (warmed.has(key)) return 0;
  warmed.add(key);
  return WARMUP;
}

const [gw, st] = await Promise.all([startServer('gateway'), startServer('store')]);
const routes: Array<{ subject: RateResult; baseline: RateResult }> = [];
for (const route of ROUTE_CASES) {
  const target = route.target(gw.port, gw.token, gw.fixture);
  const loop: LoopCommand = {
    type: 'loop',
    op: route.storeOp,
    concurrency: CONCURRENCY,
    seconds: slice,
    warmup: 0,
  };
  routes.push(
    await interleaved(
      () => closedLoop(target, CONCURRENCY, slice, warmOnce(`g${route.name}`)),
      async () => {
        st.server.send({ ...loop, warmup: warmOnce(`s${route.name}`) });
        return (await st.server.next('looped', (slice + WARMUP) * 1000 + 60_000)).result;
      },
    ),
  );
}
await st.server.stop();
const latencies: LatencyRow[] = [];
for (const [i, route] of ROUTE_CASES.entries()) {
  const maxPerSecond = routes[i]?.subject.perSecond ?? 0;
  const latency = await openLoop(route.target(gw.port, gw.token, gw.fixture), maxPerSecond / 2, SECONDS);
  latencies.push({ name: route.name, maxPerSecond, latency });
}
await gw.server.stop();

/** Both servers up at once, their loads alternating. */
async function pairOf(subjectMode: ServerMode, baselineMode: ServerMode, target: (port: number) => Target) {
  const [a, b] = await Promise.all([startServer(subjectMode), startServer(baselineMode)]);
  try {
    return await interleaved(
      () => closedLoop(target(a.port), CONCURRENCY, slice, warmOnce(subjectMode)),
      () => closedLoop(target(b.port), CONCURRENCY, slice, warmOnce(baselineMode)),
    );
  } finally {
    await Promise.all([a.server.stop(), b.server.stop()]);
  }
}
const validation = await pairOf('validated', 'plain', imchatSendTarget);
const hello = await pairOf('hono-hello', 'node-hello', (port) => ({ port, path: '/', method: 'GET' }));

const pairs: Pair[] = [
  ...ROUTE_CASES.map((route, i) => ({
    figure: 'a',
    name: `gateway ${route.name}`,
    subject: routes[i]?.subject as RateResult,
    baselineName: `store loop (${route.storeOp})`,
    baseline: routes[i]?.baseline as RateResult,
    target: 0.7,
  })),
  {
    figure: 'b',
    name: 'imchatSend, zod-openapi validation',
    subject: validation.subject,
    baselineName: 'plain Hono route',
    baseline: validation.baseline,
    target: 0.92,
  },
  {
    figure: 'c',
    name: 'Hono hello world',
    subject: hello.subject,
    baselineName: 'raw node:http',
    baseline: hello.baseline,
    target: 0.8,
  },
];
const setup = `node ${process.version}, concurrency ${CONCURRENCY}, ${SECONDS} s per side in ${SLICES} alternating slices after ${WARMUP} s warm-up, ${SEED} seeded messages; ${pinned ? 'load generator pinned to core 0, server to core 1 (taskset)' : 'not pinned (no taskset)'}`;
printTables(pairs, latencies, setup);
const results = {
  at: new Date().toISOString(),
  setup: {
    node: process.version,
    seconds: SECONDS,
    warmup: WARMUP,
    concurrency: CONCURRENCY,
    seed: SEED,
    pinned,
  },
  pairs: pairs.map((p) => ({ ...p, ratio: ratio(p) })),
  latencies,
};
const out = resolve(import.meta.dirname, '../results/http.json');
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten: ${out}`);
