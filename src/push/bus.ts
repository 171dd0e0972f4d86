import type { DomainEvent } from '../domain/events.ts';
import type { PushLogger } from './event-feed.ts';
import { EventQueue } from './event-queue.ts';
import type { EventSource } from './event-source.ts';

export interface EventBusOptions {
  logger: PushLogger;
  /** First wait after a cursor error, doubled per consecutive error up to `maxBackoffMs`. Default 100 ms. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Events held for a consumer that lags; beyond it the oldest are dropped. Default 10,000. */
  queueLimit?: number;
}

/**
 * Every instance's view of every instance's events, so that several gateways behind one MongoDB
 * deliver each other's events (DESIGN "Push"). It is an async iterable for one consumer (the hub);
 * ending the iteration or `close()` stops the tail.
 */
export interface EventBus<Id> extends AsyncIterable<DomainEvent> {
  /** Resolves once the starting position ("now") is known: events appended after it are delivered. */
  readonly ready: Promise<void>;
  /** The id of the last entry seen; a restarted tail resumes after it. */
  readonly lastId: Id | null;
  close(): Promise<void>;
}

/**
 * Tails `source` from its newest entry (no replay of history on start). After a cursor error it
 * resumes from the last id it saw, waiting with bounded exponential backoff; a tail that simply
 * ends (a tailable cursor dies on an empty capped collection) is reopened after the initial wait.
 */
export function createEventBus<Id>(source: EventSource<Id>, options: EventBusOptions): EventBus<Id> {
  const initialMs = options.initialBackoffMs ?? 100;
  const maxMs = options.maxBackoffMs ?? 5_000;
  const { logger } = options;
  const abort = new AbortController();
  const signal = abort.signal;
  const queue = new EventQueue<DomainEvent>(options.queueLimit ?? 10_000, function onOverflow(dropped) {
    logger.warn({ dropped }, 'push bus: consumer lags, oldest events dropped');
  });
  let lastId: Id | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  async function withRetry<T>(what: string, step: () => Promise<T>): Promise<T | undefined> {
    let waitMs = initialMs;
    while (!signal.aborted) {
      try {
        return await step();
      } catch (error) {
        if (signal.aborted) return undefined;
        logger.warn({ err: error, retryInMs: waitMs }, `push bus: ${what} failed`);
        await sleep(waitMs, signal);
        waitMs = Math.min(waitMs * 2, maxMs);
      }
    }
    return undefined;
  }

  async function run(): Promise<void> {
    lastId = (await withRetry('reading the log position', () => source.latestId())) ?? null;
    markReady();
    while (!signal.aborted) {
      const ended = await withRetry('tailing the event log', async () => {
        for await (const entry of source.tail(lastId, signal)) {
          lastId = entry.id;
          queue.push(entry.event);
        }
        return true;
      });
      if (ended) await sleep(initialMs, signal);
    }
  }

  const running = run()
    .catch((error: unknown) => logger.error({ err: error }, 'push bus: stopped by an unexpected error'))
    .finally(() => {
      markReady();
      queue.end();
    });

  async function close(): Promise<void> {
    abort.abort();
    queue.end();
    await running;
  }

  return {
    ready,
    get lastId() {
      return lastId;
    },
    close,
    [Symbol.asyncIterator]() {
      return {
        next: () => queue.next(),
        async return() {
          await close();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/** Waits `ms`, or less when `signal` aborts; never rejects. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
