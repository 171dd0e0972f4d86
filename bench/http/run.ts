import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { measureCommands } from '../commands/operations.ts';
import { IMGATE_NODE_FLAGS } from '../node-flags.ts';
import { startWorker, type Worker } from '../push/processes.ts';
import { countCeilingCommands } from './ceiling-commands.ts';
import { ceilingTarget, imchatSendTarget, ROUTE_CASES } from './cases.ts';
import { closedLoop, openLoop, type RateResult, type Target } from './load.ts';
import type { CpuCommand, ServerMode, ServerReply } from './protocol.ts';
import { type Measured, type Pair, printTables, type RouteRow } from './report.ts';

/**
 * HTTP benchmark (`npx tsx bench/http/run.ts`): every gateway route against a minimal ceiling
 * server on the same driver and store (`minimal-server.ts`: the 2-command send, the 1-command
 * indexed read of 50) in one interleaved run — req/s, p99 (open loop at half the route's maximum
 * rate) and server CPU ms per request, the CPU ratio being the figure the targets are set on —
 * then zod validation and Hono against raw node:http, then the store commands per operation at
 * the wire (`bench/commands`). Servers in children on core 1 under the V8 flags imgate ships
 * (`bench/node-flags.ts`: the gateway as it runs, its ceilings alike), load here on core 0.
 * Env: BENCH_SECONDS (5, per side), BENCH_SLICES (5), BENCH_WARMUP (2 s per side and route, not
 * measured), BENCH_CONCURRENCY (32), BENCH_SEED (1000).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SEED = Number(process.env.BENCH_SEED ?? 1000);
const SLICES = Number(process.env.BENCH_SLICES ?? 5);

type Server = Worker<CpuCommand, ServerReply>;

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
  const server: Server = startWorker<CpuCommand, ServerReply>(
    '../http/server-process.ts',
    [mode, String(SEED)],
    { nodeFlags: IMGATE_NODE_FLAGS },
  );
  pin(server.child.pid, '1');
  server.child.setMaxListeners(0); // `next()` adds an exit listener per reply awaited
  const ready = await server.next('ready', 300_000);
  return { server, ...ready };
}

async function cpuMicros(server: Server): Promise<number> {
  server.send({ type: 'cpu' });
  return (await server.next('cpu')).micros;
}

/** One closed-loop slice against `server`, with the CPU the server process spent in it. */
async function slice(server: Server, target: Target) {
  const before = await cpuMicros(server);
  const result = await closedLoop(target, CONCURRENCY, SECONDS / SLICES, 0);
  return { result, cpuMicros: (await cpuMicros(server)) - before };
}

/** Load that is not measured: JIT and caches settle before a route's slices, on both sides. */
async function warm(target: Target): Promise<void> {
  if (WARMUP > 0) await closedLoop(target, CONCURRENCY, WARMUP, 0);
}

/** Sums slices into one rate and one CPU per request. */
function total(slices: ReadonlyArray<{ result: RateResult; cpuMicros: number }>): Measured {
  const requests = slices.reduce((sum, s) => sum + s.result.requests, 0);
  const seconds = slices.reduce((sum, s) => sum + s.result.seconds, 0);
  const errors = slices.reduce((sum, s) => sum + s.result.errors, 0);
  const cpu = slices.reduce((sum, s) => sum + s.cpuMicros, 0);
  return { requests, seconds, perSecond: requests / seconds, errors, cpuMsPerRequest: cpu / 1000 / requests };
}

/** Subject and baseline alternate slice by slice, so a shared machine's noise falls on both alike. */
async function interleaved(a: () => ReturnType<typeof slice>, b: () => ReturnType<typeof slice>) {
  const first = [];
  const second = [];
  for (let i = 0; i < SLICES; i++) {
    first.push(await a());
    second.push(await b());
  }
  return [total(first), total(second)] as const;
}

const [gw, min] = await Promise.all([startServer('gateway'), startServer('minimal')]);
const rows: RouteRow[] = [];
for (const route of ROUTE_CASES) {
  const target = route.target(gw.port, gw.token, gw.fixture);
  const ceiling = ceilingTarget(route.ceiling, min.port, min.fixture);
  await warm(target);
  await warm(ceiling);
  const [gateway, floor] = await interleaved(
    () => slice(gw.server, target),
    () => slice(min.server, ceiling),
  );
  const gatewayLatency = await openLoop(target, gateway.perSecond / 2, SECONDS);
  const ceilingLatency = await openLoop(ceiling, floor.perSecond / 2, SECONDS);
  rows.push({
    name: route.name,
    gateway,
    ceilingName: route.ceiling === 'send' ? 'minimal send (2 commands)' : 'minimal read of 50 (1 command)',
    ceiling: floor,
    least: route.least,
    gatewayLatency,
    ceilingLatency,
  });
}
await Promise.all([gw.server.stop(), min.server.stop()]);

/** Both framework servers up at once, their loads alternating. */
async function pairOf(subjectMode: ServerMode, baselineMode: ServerMode, target: (port: number) => Target) {
  const [a, b] = await Promise.all([startServer(subjectMode), startServer(baselineMode)]);
  try {
    await warm(target(a.port));
    await warm(target(b.port));
    const [subject, baseline] = await interleaved(
      () => slice(a.server, target(a.port)),
      () => slice(b.server, target(b.port)),
    );
    return { subject, baseline };
  } finally {
    await Promise.all([a.server.stop(), b.server.stop()]);
  }
}
const validation = await pairOf('validated', 'plain', imchatSendTarget);
const hello = await pairOf('hono-hello', 'node-hello', (port) => ({ port, path: '/', method: 'GET' }));
const pairs: Pair[] = [
  { name: 'imchatSend, zod-openapi validation', ...validation, baselineName: 'plain Hono route' },
  { name: 'Hono hello world', ...hello, baselineName: 'raw node:http' },
];

const setup = `node ${process.version}, concurrency ${CONCURRENCY}, ${SECONDS} s per side in ${SLICES} alternating slices after ${WARMUP} s of unmeasured warm-up per side and route, ${SEED} seeded messages, every server under imgate's V8 flags (${IMGATE_NODE_FLAGS.join(' ')}); p99 in an open loop at half the side's maximum rate; ${pinned ? 'load generator pinned to core 0, servers to core 1 (taskset)' : 'not pinned (no taskset)'}`;
printTables(rows, pairs, setup);

const commands = [...(await measureCommands()), ...(await countCeilingCommands())];
console.log('\n| operation | store commands at the wire | trace |\n|---|---:|---|');
for (const row of commands) console.log(`| \`${row.operation}\` | ${row.commands} | ${row.trace} |`);

const out = resolve(import.meta.dirname, '../results/http.json');
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ at: new Date().toISOString(), setup, rows, pairs, commands }, null, 2)}\n`,
);
console.log(`\nwritten: ${out}`);
