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
  /** The id of the last entry seen; a restarted tail resumes after it. */
  readonly lastId: Id | undefined;
  close(): Promise<void>;
}

/**
 * Tails `source` from its current end (no replay of history on start), starting at once. After a
 * cursor error it resumes after the last id it saw, waiting with bounded exponential backoff; a
 * tail that simply ends is reopened after the initial wait. Where the source hands this
 * instance's own events over directly (`subscribeOwn`), they are queued as they are appended and
 * the tail reads only the other instances' events.
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
  let lastId: Id | undefined;
  const unsubscribeOwn = source.subscribeOwn?.((event) => queue.push(event));
  const tailOptions = { othersOnly: unsubscribeOwn !== undefined };

  async function run(): Promise<void> {
    let waitMs = initialMs;
    while (!signal.aborted) {
      try {
        for await (const entry of source.tailEvents(lastId, signal, tailOptions)) {
          lastId = entry.id;
          waitMs = initialMs;
          queue.push(entry.event);
        }
        await sleep(initialMs, signal);
      } catch (error) {
        if (signal.aborted) return;
        logger.warn({ err: error, retryInMs: waitMs }, 'push bus: tailing the event log failed');
        await sleep(waitMs, signal);
        waitMs = Math.min(waitMs * 2, maxMs);
      }
    }
  }

  const running = run()
    .catch((error: unknown) => logger.error({ err: error }, 'push bus: stopped by an unexpected error'))
    .finally(() => queue.end());

  async function close(): Promise<void> {
    unsubscribeOwn?.();
    abort.abort();
    queue.end();
    await running;
  }

  return {
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
