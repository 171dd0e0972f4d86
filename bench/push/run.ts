import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startWorker, type Worker } from './processes.ts';
import type { ClientCommand, ClientReply, ServerCommand, ServerMode, ServerReply } from './protocol.ts';
import { printTables } from './report.ts';

/**
 * Push benchmark (`npx tsx bench/push/run.ts`): delivery latency of one 1,000-member group,
 * fan-out throughput against a bare `ws` broadcast loop, and RSS per idle authenticated
 * connection against a bare `ws` server. Servers and clients run in separate processes.
 * Options: `--quick` (smaller sizes), `--members N`, `--events N`, `--rate N` (events/s), `--warmup N`
 * (unmeasured events first, so that JIT warm-up is not counted), `--only a|b|c` (one part).
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
function option(name: string, fallback: number): number {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
}
const members = option('members', quick ? 200 : 1_000);
const events = option('events', quick ? 200 : 1_000);
const rate = option('rate', 10);
const warmup = option('warmup', 50);
const memorySizes = quick ? [2_000] : [10_000, 19_900];
const CLIENTS_PER_PROCESS = 5_000;

type Server = Worker<ServerCommand, ServerReply>;
type Clients = Worker<ClientCommand, ClientReply>;

async function startServer(mode: ServerMode, queueLimit = 1024): Promise<{ server: Server; url: string }> {
  const server = startWorker<ServerCommand, ServerReply>('server-process.ts', [mode, String(queueLimit)], {
    gc: true,
  });
  const { port } = await server.next('listening');
  return { server, url: `ws://127.0.0.1:${port}` };
}

async function connectClients(url: string, count: number): Promise<Clients[]> {
  const groups: Clients[] = [];
  for (let first = 0; first < count; first += CLIENTS_PER_PROCESS) {
    const clients = startWorker<ClientCommand, ClientReply>('client-process.ts', []);
    clients.send({
      type: 'connect',
      url,
      count: Math.min(CLIENTS_PER_PROCESS, count - first),
      firstUser: first,
      concurrency: 200,
    });
    groups.push(clients);
  }
  for (const clients of groups) {
    const connected = await clients.next('connected', 300_000);
    if (connected.failed > 0) throw new Error(`${connected.failed} connections failed`);
  }
  return groups;
}

async function stopAll(workers: Array<{ stop(): Promise<void> }>): Promise<void> {
  await Promise.all(workers.map((w) => w.stop()));
}

/** (a) publish -> receipt on every socket, paced at `rate` events/s. */
async function latency(mode: ServerMode, perSecond = rate) {
  const { server, url } = await startServer(mode);
  const [clients] = await connectClients(url, members);
  if (clients === undefined) throw new Error('no clients');
  clients.send({ type: 'expect', perSocket: warmup + events, latency: true, warmup });
  server.send({ type: 'paced', count: warmup + events, perSecond, audience: members });
  const received = await clients.next('received', 300_000);
  server.send({ type: 'stats' });
  const { stats } = await server.next('stats');
  await stopAll([clients, server]);
  const [p50, p90, p99, p999, max] = received.latencyMs;
  return { mode, members, events, rate: perSecond, frames: received.frames, p50, p90, p99, p999, max, stats };
}

/** (b) fan-out throughput: `events` events to `members` sockets, in bursts of 10 per tick. */
async function throughput(mode: ServerMode) {
  const { server, url } = await startServer(mode);
  const [clients] = await connectClients(url, members);
  if (clients === undefined) throw new Error('no clients');
  clients.send({ type: 'expect', perSocket: events, latency: false, warmup: 0 });
  server.send({ type: 'burst', count: events, batch: 10, audience: members });
  const published = await server.next('published', 300_000);
  const received = await clients.next('received', 300_000);
  await stopAll([clients, server]);
  const seconds = (received.doneAt - published.startedAt) / 1000;
  return {
    mode,
    frames: received.frames,
    seconds,
    framesPerSecond: received.frames / seconds,
    sendLoopMs: published.sendLoopMs,
  };
}

/** (c) RSS growth per idle authenticated connection. */
async function memory(mode: ServerMode, connections: number) {
  const { server, url } = await startServer(mode);
  server.send({ type: 'rss' });
  const before = await server.next('rss');
  const groups = await connectClients(url, connections);
  await new Promise((done) => setTimeout(done, 1_000));
  server.send({ type: 'rss' });
  const after = await server.next('rss');
  await stopAll([...groups, server]);
  const bytesPerConnection = (after.rss - before.rss) / connections;
  return { mode, connections, rssBefore: before.rss, rssAfter: after.rss, bytesPerConnection };
}

const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const results = {
  at: new Date().toISOString(),
  node: process.version,
  latency: [] as Array<Awaited<ReturnType<typeof latency>>>,
  throughput: [] as Array<Awaited<ReturnType<typeof throughput>>>,
  memory: [] as Array<Awaited<ReturnType<typeof memory>>>,
};
if (only === undefined || only === 'a') {
  results.latency.push(await latency('hub-bus'), await latency('hub'), await latency('hub-bus', rate * 2.5));
}
if (only === undefined || only === 'b')
  results.throughput.push(await throughput('hub'), await throughput('bare'));
if (only === undefined || only === 'c') {
  for (const size of memorySizes) results.memory.push(await memory('hub', size), await memory('bare', size));
}
const out = resolve(import.meta.dirname, '../results/push.json');
// With --only, the other parts of an earlier run are kept.
if (only !== undefined && existsSync(out)) {
  const earlier = JSON.parse(readFileSync(out, 'utf8')) as Partial<typeof results>;
  if (only !== 'a') results.latency = earlier.latency ?? [];
  if (only !== 'b') results.throughput = earlier.throughput ?? [];
  if (only !== 'c') results.memory = earlier.memory ?? [];
}
printTables(results);
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten: ${out}`);
