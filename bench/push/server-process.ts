import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';
import { type DomainEvent, messageEvents } from '../../src/domain/events.ts';
import { startEmbeddedMongo } from '../../src/embedded-mongo/server.ts';
import { attachPushHub, createEventBus, type EventFeed, renderSeedText } from '../../src/push/index.ts';
import { openStore } from '../../src/store/index.ts';
import { preciseNow, type ServerCommand, type ServerMode, type ServerReply } from './protocol.ts';

/**
 * One benchmark server: `hub` (push hub fed in-process), `hub-bus` (hub fed by the bus tailing the
 * store's event log on an in-process embedded MongoDB, as a gateway runs by default) or `bare`
 * (a plain `ws` server broadcasting the same payload). Driven over IPC by `run.ts`.
 */
const mode = (process.argv[2] ?? 'hub') as ServerMode;
const queueLimit = Number(process.argv[3] ?? 1024);
const silent = { debug() {}, info() {}, warn() {}, error() {} };

function reply(message: ServerReply): void {
  process.send?.(message);
}

async function authenticate(token: string) {
  if (!token.startsWith('tok-')) throw new Error('bad token');
  return { userId: token.slice(4), isAdmin: false };
}

const server = createServer((_req, res) => res.writeHead(404).end());
const listeners = new Set<(event: DomainEvent) => void>();
let publish: (event: DomainEvent) => unknown;
let stats: () => unknown = () => ({});

if (mode === 'bare') {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? '';
    authenticate(token).then(
      () => wss.handleUpgrade(req, socket, head, () => {}),
      () => socket.destroy(),
    );
  });
  publish = function bareBroadcast(event) {
    for (const single of messageEvents(event)) {
      const frame = Buffer.from(renderSeedText(single));
      for (const ws of wss.clients) ws.send(frame);
    }
  };
  stats = () => ({ connections: wss.clients.size });
} else {
  let events: EventFeed = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  publish = (event) => {
    for (const listener of listeners) listener(event);
  };
  if (mode === 'hub-bus') {
    const mongo = await startEmbeddedMongo();
    const store = await openStore({ uri: mongo.uri, dbName: 'bench_push' });
    events = createEventBus(store.events, { logger: silent });
    publish = (event) => store.events.appendEvent(event);
  }
  const hub = attachPushHub(server, { authenticate, events, logger: silent, queueLimit });
  stats = () => hub.stats();
}

const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();

/** How long the event loop was blocked (ms): a fan-out's flush shows here. */
function loopDelay() {
  return { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
}

function audienceOf(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `u${i}`);
}

let nextNum = 1;
function eventFor(audience: readonly string[]): DomainEvent {
  const num = nextNum++;
  // `at` carries the publish instant with sub-ms precision; clients subtract it from their receipt time.
  return {
    kind: 'message.sent',
    chatId: 's_bench',
    chatNum: 1,
    actorId: 'u0',
    actorNum: 1,
    messageNum: num,
    sequence: num,
    at: preciseNow(),
    audience,
  };
}

async function paced(count: number, perSecond: number, audienceSize: number): Promise<void> {
  const audience = audienceOf(audienceSize);
  const startedAt = preciseNow();
  for (let i = 0; i < count; i += 1) {
    const due = startedAt + (i * 1000) / perSecond;
    const wait = due - preciseNow();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await publish(eventFor(audience));
  }
  reply({ type: 'published', startedAt, endedAt: preciseNow(), sendLoopMs: 0 });
}

async function burst(count: number, batch: number, audienceSize: number): Promise<void> {
  const audience = audienceOf(audienceSize);
  const startedAt = preciseNow();
  let sendLoopMs = 0;
  for (let sent = 0; sent < count; sent += batch) {
    const t0 = performance.now();
    for (let i = 0; i < batch && sent + i < count; i += 1) await publish(eventFor(audience));
    sendLoopMs += performance.now() - t0;
    await new Promise((resolve) => setImmediate(resolve));
  }
  reply({ type: 'published', startedAt, endedAt: preciseNow(), sendLoopMs });
}

async function measureRss(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 4; i += 1) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const usage = process.memoryUsage();
  reply({ type: 'rss', rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external });
}

process.on('message', (command: ServerCommand) => {
  if (command.type === 'rss') void measureRss();
  else if (command.type === 'paced') void paced(command.count, command.perSecond, command.audience);
  else if (command.type === 'burst') void burst(command.count, command.batch, command.audience);
  else if (command.type === 'stats')
    reply({ type: 'stats', stats: { ...(stats() as object), loop: loopDelay() } });
  else if (command.type === 'exit') process.exit(0);
});

server.listen(0, '127.0.0.1', 4096);
await once(server, 'listening');
reply({ type: 'listening', port: (server.address() as AddressInfo).port });
