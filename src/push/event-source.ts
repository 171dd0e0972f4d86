import type { DomainEvent } from '../domain/events.ts';

/** One entry of the shared event log: its position and the event. */
export interface EventLogEntry<Id> {
  readonly id: Id;
  readonly event: DomainEvent;
}

/**
 * The port the bus reads the store's event log through (`src/store/event-log.ts`: a capped
 * collection and a tailable cursor, which a standalone MongoDB and the embedded server both
 * support, no replica set needed). The gateway assembly adapts the store to it; push never
 * imports the store.
 */
export interface EventSource<Id> {
  /** Position of the newest entry, or `null` when the log is empty: where a fresh bus starts ("now"). */
  latestId(): Promise<Id | null>;
  /**
   * Entries strictly after `fromId` (all entries when `null`), in log order, waiting for new
   * ones until `signal` aborts, which ends the iteration. Throws on a cursor error.
   */
  tail(fromId: Id | null, signal: AbortSignal): AsyncIterable<EventLogEntry<Id>>;
}
