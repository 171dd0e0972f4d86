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
 * Env: BENCH_SECONDS (5), BENCH_WARMUP (1), BENCH_CONCURRENCY (32), BENCH_SEED (1000 messages).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SEED = Number(process.env.BENCH_SEED ?? 1000);

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
  const ready = await server.next('ready', 300_000);
  return { server, ...ready };
}

async function withServer<T>(
  mode: ServerMode,
  run: (s: Awaited<ReturnType<typeof startServer>>) => Promise<T>,
) {
  const started = await startServer(mode);
  try {
    return await run(started);
  } finally {
    await started.server.stop();
  }
}

function load(target: Target): Promise<RateResult> {
  return closedLoop(target, CONCURRENCY, SECONDS, WARMUP);
}

const gateway = await withServer('gateway', async ({ port, token, fixture }) => {
  const rates: RateResult[] = [];
  for (const route of ROUTE_CASES) rates.push(await load(route.target(port, token, fixture)));
  const latencies: LatencyRow[] = [];
  for (const [i, route] of ROUTE_CASES.entries()) {
    const maxPerSecond = rates[i]?.perSecond ?? 0;
    const latency = await openLoop(route.target(port, token, fixture), maxPerSecond / 2, SECONDS);
    latencies.push({ name: route.name, maxPerSecond, latency });
  }
  return { rates, latencies };
});

const store = await withServer('store', async ({ server }) => {
  const rates: RateResult[] = [];
  for (const route of ROUTE_CASES) {
    server.send({
      type: 'loop',
      op: route.storeOp,
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      warmup: WARMUP,
    });
    rates.push((await server.next('looped', (SECONDS + WARMUP) * 1000 + 60_000)).result);
  }
  return rates;
});

const rateOf = (mode: ServerMode, target: (port: number) => Target) =>
  withServer(mode, ({ port }) => load(target(port)));
const validated = await rateOf('validated', imchatSendTarget);
const plain = await rateOf('plain', imchatSendTarget);
const honoHello = await rateOf('hono-hello', (port) => ({ port, path: '/', method: 'GET' }));
const nodeHello = await rateOf('node-hello', (port) => ({ port, path: '/', method: 'GET' }));

const pairs: Pair[] = [
  ...ROUTE_CASES.map((route, i) => ({
    figure: 'a',
    name: `gateway ${route.name}`,
    subject: gateway.rates[i] as RateResult,
    baselineName: `store loop (${route.storeOp})`,
    baseline: store[i] as RateResult,
    target: 0.7,
  })),
  {
    figure: 'b',
    name: 'imchatSend, zod-openapi validation',
    subject: validated,
    baselineName: 'plain Hono route',
    baseline: plain,
    target: 0.92,
  },
  {
    figure: 'c',
    name: 'Hono hello world',
    subject: honoHello,
    baselineName: 'raw node:http',
    baseline: nodeHello,
    target: 0.8,
  },
];
const setup = `node ${process.version}, concurrency ${CONCURRENCY}, ${SECONDS} s per case after ${WARMUP} s warm-up, ${SEED} seeded messages; ${pinned ? 'load generator pinned to core 0, server to core 1 (taskset)' : 'not pinned (no taskset)'}`;
printTables(pairs, gateway.latencies, setup);
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
  latencies: gateway.latencies,
};
const out = resolve(import.meta.dirname, '../results/http.json');
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten: ${out}`);
