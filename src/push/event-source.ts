import type { DomainEvent } from '../domain/events.ts';

/** One entry of the shared event log: its position and the event. */
export interface EventLogEntry<Id> {
  readonly id: Id;
  readonly event: DomainEvent;
}

/**
 * The port the bus reads the shared event log through. `EventLog` of `src/store/event-log.ts`
 * (a capped collection read with a tailable awaitData cursor, which a standalone MongoDB and the
 * embedded server both support, no replica set needed) fits it as it is; push never imports the store.
 */
export interface EventSource<Id> {
  /**
   * Entries appended after `fromId` — after the log's current end when `undefined` — in log
   * order, waiting for new ones until `signal` aborts, which ends the iteration. Throws on a
   * cursor error; the bus then resumes after the last id it saw.
   */
  tailEvents(fromId: Id | undefined, signal: AbortSignal): AsyncIterable<EventLogEntry<Id>>;
}
