/** Messages between the benchmark driver (`run.ts`) and its server and client processes. */

export type ServerMode = 'hub' | 'hub-bus' | 'bare';

export type ServerCommand =
  | { type: 'rss' }
  | { type: 'paced'; count: number; perSecond: number; audience: number }
  | { type: 'burst'; count: number; batch: number; audience: number }
  | { type: 'stats' }
  | { type: 'exit' };

export type ServerReply =
  | { type: 'listening'; port: number }
  | { type: 'rss'; rss: number; heapUsed: number; external: number }
  | { type: 'published'; startedAt: number; endedAt: number; sendLoopMs: number }
  | { type: 'stats'; stats: unknown };

export type ClientCommand =
  | { type: 'connect'; url: string; count: number; firstUser: number; concurrency: number }
  | { type: 'expect'; perSocket: number; latency: boolean; warmup: number }
  | { type: 'close' };

export type ClientReply =
  | { type: 'connected'; open: number; failed: number; ms: number }
  | { type: 'received'; doneAt: number; frames: number; latencyMs: number[] }
  | { type: 'closed'; codes: Record<string, number> };

/** Wall-clock milliseconds with sub-millisecond resolution, comparable between local processes. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Token the benchmark servers accept for user `u<index>`. */
export function tokenFor(index: number): string {
  return `tok-u${index}`;
}
