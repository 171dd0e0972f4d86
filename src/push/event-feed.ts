import type { DomainEvent } from '../domain/events.ts';

/** A push-style source: registers a listener and returns the function that unregisters it. */
export type SubscribeEvents = (listener: (event: DomainEvent) => void) => () => void;

/**
 * Where the hub gets its events: the cross-instance bus (`bus.ts`, an async iterable) or an
 * in-process publisher's subscribe function.
 */
export type EventFeed = AsyncIterable<DomainEvent> | SubscribeEvents;

/** Minimal logger shape; a pino logger fits it. */
export interface PushLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const STOP_WAIT_MS = 1_000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Starts delivering `feed` to `onEvent` and returns the function that stops it. An async
 * iterable is stopped through its iterator's `return()` (the bus aborts its tail there); a
 * failing `onEvent` is logged and never stops the feed.
 */
export function consumeFeed(
  feed: EventFeed,
  onEvent: (event: DomainEvent) => void,
  logger: PushLogger,
): () => Promise<void> {
  function deliver(event: DomainEvent): void {
    try {
      onEvent(event);
    } catch (error) {
      logger.error({ err: error, kind: event.kind }, 'push: delivering an event failed');
    }
  }
  if (typeof feed === 'function') {
    const unsubscribe = feed(deliver);
    return async function stopSubscription() {
      unsubscribe();
    };
  }
  const iterator = feed[Symbol.asyncIterator]();
  let stopped = false;
  const loop = (async function pumpFeed() {
    while (!stopped) {
      const next = await iterator.next();
      if (next.done) return;
      if (!stopped) deliver(next.value);
    }
  })().catch(function feedFailed(error: unknown) {
    logger.error({ err: error }, 'push: event feed ended with an error; no more events are delivered');
  });
  return async function stopIteration() {
    stopped = true;
    // A generator blocked in `await` only sees `return()` after its pending step settles, so the
    // wait is bounded; the bus (`bus.ts`) aborts its tail in `return()` and settles at once.
    const returned = Promise.resolve(iterator.return?.()).then(() => loop);
    await Promise.race([returned.catch(() => undefined), delay(STOP_WAIT_MS)]);
  };
}
