import http from 'node:http';

/** One HTTP request shape the load generator repeats: a POST of a fresh JSON body each time. */
export interface Target {
  readonly port: number;
  readonly path: string;
  readonly method?: 'GET' | 'POST';
  readonly token?: string;
  /** A new body per request (ids must be unique for idempotent sends). */
  readonly body?: () => string;
  /** Default `application/json`. */
  readonly contentType?: string;
}

/** Closed-loop result: completed requests per second in the measured window. */
export interface RateResult {
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly errors: number;
}

/** Open-loop result: latency from the scheduled start (coordinated omission counted). */
export interface LatencyResult {
  readonly rate: number;
  readonly sent: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** Requests not started because `maxInFlight` were outstanding. */
  readonly dropped: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** Sends one request on the keep-alive agent; resolves with the status (0 on a socket error). */
function request(agent: http.Agent, target: Target): Promise<number> {
  return new Promise((resolve) => {
    const payload = target.body?.();
    const headers: http.OutgoingHttpHeaders = {};
    if (payload !== undefined) {
      headers['content-type'] = target.contentType ?? 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (target.token) headers.authorization = `Bearer ${target.token}`;
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port: target.port,
        path: target.path,
        method: target.method ?? 'POST',
        headers,
      },
      function onResponse(res) {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}

/** `concurrency` workers, each sending back to back for `warmup + seconds`; counts the last `seconds`. */
export async function closedLoop(
  target: Target,
  concurrency: number,
  seconds: number,
  warmup: number,
): Promise<RateResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const start = performance.now();
  const measureFrom = start + warmup * 1000;
  const end = measureFrom + seconds * 1000;
  let requests = 0;
  let errors = 0;
  async function worker(): Promise<void> {
    while (performance.now() < end) {
      const status = await request(agent, target);
      if (performance.now() < measureFrom) continue;
      if (status === 200) requests++;
      else errors++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const measured = (performance.now() - measureFrom) / 1000;
  agent.destroy();
  return { requests, seconds: measured, perSecond: requests / measured, errors };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

/**
 * Starts requests at a fixed `rate` (ticks of 1 ms, catching up on late ticks) for `seconds`,
 * whatever the responses do, with at most `maxInFlight` outstanding.
 */
export async function openLoop(
  target: Target,
  rate: number,
  seconds: number,
  maxInFlight = 256,
): Promise<LatencyResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: maxInFlight });
  const latencies: number[] = [];
  const pending = new Set<Promise<void>>();
  const start = performance.now();
  const total = Math.floor(rate * seconds);
  let sent = 0;
  let errors = 0;
  let dropped = 0;
  while (sent + dropped < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
    while (sent + dropped < due) {
      const scheduled = start + ((sent + dropped) * 1000) / rate;
      if (pending.size >= maxInFlight) {
        dropped++;
        continue;
      }
      sent++;
      const done: Promise<void> = request(agent, target).then((status) => {
        if (status === 200) latencies.push(performance.now() - scheduled);
        else errors++;
        pending.delete(done);
      });
      pending.add(done);
    }
    await sleep(1);
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rate, sent, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), errors, dropped };
}
