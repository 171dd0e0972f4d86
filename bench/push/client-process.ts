import { WebSocket } from 'ws';
import { type ClientCommand, type ClientReply, preciseNow, tokenFor } from './protocol.ts';

/**
 * Benchmark clients: opens `count` WebSockets (user `u<firstUser + i>` each) and counts, or
 * times, the frames they receive. Driven over IPC by `run.ts`.
 */
const sockets: WebSocket[] = [];
let perSocket = 0;
let measureLatency = false;
let warmup = 0;
let samples = 0;
let frames = 0;
let complete = 0;
let latencies = new Float64Array(0);
const received = new Map<WebSocket, number>();

function reply(message: ClientReply): void {
  process.send?.(message);
}

function onFrame(this: WebSocket, data: Buffer): void {
  const now = preciseNow();
  const count = (received.get(this) ?? 0) + 1;
  if (measureLatency && count > warmup) {
    const { update_time: seconds } = JSON.parse(data.toString()) as { update_time: number };
    latencies[samples] = now - seconds * 1000;
    samples += 1;
  }
  frames += 1;
  received.set(this, count);
  if (count === perSocket) {
    complete += 1;
    if (complete === sockets.length) finish(now);
  }
}

function finish(doneAt: number): void {
  const latencyMs = measureLatency ? summarise(latencies.subarray(0, samples)) : [];
  reply({ type: 'received', doneAt, frames, latencyMs });
}

/** p50, p90, p99, p99.9, max. */
function summarise(samples: Float64Array): number[] {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return [at(0.5), at(0.9), at(0.99), at(0.999), sorted[sorted.length - 1] ?? Number.NaN];
}

function open(url: string, user: number): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url}/ws?token=${tokenFor(user)}`, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', () => resolve(null));
    ws.on('message', onFrame);
  });
}

async function connectAll(url: string, count: number, firstUser: number, concurrency: number): Promise<void> {
  const started = performance.now();
  let next = 0;
  let failed = 0;
  async function worker(): Promise<void> {
    while (next < count) {
      const index = next++;
      const ws = await open(url, firstUser + index);
      if (ws === null) failed += 1;
      else sockets.push(ws);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  reply({ type: 'connected', open: sockets.length, failed, ms: performance.now() - started });
}

async function closeAll(): Promise<void> {
  const codes: Record<string, number> = {};
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === ws.CLOSED) return resolve();
          ws.once('close', (code) => {
            codes[code] = (codes[code] ?? 0) + 1;
            resolve();
          });
          ws.terminate();
        }),
    ),
  );
  reply({ type: 'closed', codes });
}

process.on('message', (command: ClientCommand) => {
  if (command.type === 'connect') {
    void connectAll(command.url, command.count, command.firstUser, command.concurrency);
  } else if (command.type === 'expect') {
    perSocket = command.perSocket;
    measureLatency = command.latency;
    warmup = command.warmup;
    frames = 0;
    samples = 0;
    complete = 0;
    received.clear();
    latencies = new Float64Array(command.latency ? perSocket * sockets.length : 0);
  } else if (command.type === 'close') {
    void closeAll().then(() => process.exit(0));
  }
});
