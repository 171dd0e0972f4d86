import type { DomainEvent } from '../domain/events.ts';

/** One entry of the shared event log: its position and the event. */
export interface EventLogEntry<Id> {
  readonly id: Id;
  readonly event: DomainEvent;
}

/**
 * The port the bus reads the shared event log through. The store's `EventLog` fits it as it is,
 * in both of its forms: a capped collection read with a tailable awaitData cursor on a standalone
 * server (`src/store/event-log.ts`), change streams on a replica set or sharded cluster, where an
 * id is a resume token (`src/store/event-change-stream.ts`); push never imports the store.
 */
export interface EventSource<Id> {
  /**
   * Entries appended after `fromId` (an id this source yielded) — after the log's current end
   * when `undefined` — in log order, waiting for new ones until `signal` aborts, which ends the iteration. Throws on a
   * cursor error; the bus then resumes after the last id it saw.
   */
  tailEvents(
    fromId: Id | undefined,
    signal: AbortSignal,
    options?: { readonly othersOnly?: boolean },
  ): AsyncIterable<EventLogEntry<Id>>;
  /**
   * This instance's own events as it appends them. A source that has it leaves them out of a tail
   * asked for `othersOnly`, so an instance never reads its own writes back through the store.
   */
  subscribeOwn?(listener: (event: DomainEvent) => void): () => void;
}
