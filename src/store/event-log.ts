import { type Collection, type Db, ObjectId } from 'mongodb';
import type { DomainEvent } from '../domain/index.ts';
import { createEventAppender } from './event-appender.ts';
import { type EventDocument, tailCappedEvents } from './event-tail.ts';
import { isNamespaceExists } from './mongo-errors.ts';

/** The capped collection every gateway instance appends to and tails. */
export const EVENTS_COLLECTION = 'events';
/** 64 MiB: minutes of traffic; push is at most once, so older events may roll off. */
export const EVENTS_CAPACITY_BYTES = 64 * 1024 * 1024;

/** One logged event; `id` resumes a tail right after it. */
export interface LoggedEvent {
  readonly id: string;
  readonly event: DomainEvent;
}

/** How a tail reads the log. */
export interface TailOptions {
  /**
   * Leave out the events this log appended itself (the server filters them): a reader that gets
   * those from `subscribeOwn` does not read its own writes back through the store.
   */
  readonly othersOnly?: boolean;
}

/**
 * The cross-instance event bus: a capped collection in insertion ("natural") order, read with a
 * tailable awaitData cursor. Works on the embedded server and on a standalone mongod (no replica
 * set needed, unlike change streams). Every document names the log instance (`origin`) that
 * appended it.
 */
export interface EventLog {
  /** Appends `event` (batched with concurrent appends, `event-appender.ts`); returns its id once written. */
  appendEvent(event: DomainEvent): Promise<string>;
  /**
   * Events appended after `fromId` — an id `appendEvent` returned or a tail yielded — (after the
   * current end when omitted), until `signal` aborts.
   * When `fromId` has rolled off the capped collection, the tail starts at the oldest event kept.
   */
  tailEvents(
    fromId: string | undefined,
    signal: AbortSignal,
    options?: TailOptions,
  ): AsyncIterable<LoggedEvent>;
  /** Calls `listener` with each event this log appends, as it is appended; returns the unsubscribe. */
  subscribeOwn(listener: (event: DomainEvent) => void): () => void;
}

/** Creates the capped collection when missing (idempotent; safe when several instances start). */
export async function ensureEventLog(db: Db): Promise<void> {
  try {
    await db.createCollection(EVENTS_COLLECTION, { capped: true, size: EVENTS_CAPACITY_BYTES });
  } catch (error) {
    if (!isNamespaceExists(error)) throw error;
  }
}

/** What a log's writes share with its tails: its origin, its appender and its own-event listeners. */
export interface EventWriter {
  readonly origin: string;
  readonly append: (event: DomainEvent) => Promise<string>;
  readonly subscribeOwn: (listener: (event: DomainEvent) => void) => () => void;
}

/**
 * The write side of the log over `db`, under a fresh origin. Own listeners hear an event when it
 * is appended — the change it announces is already stored — not after the log write.
 */
export function createEventWriter(db: Db): EventWriter {
  const origin = new ObjectId().toHexString();
  const write = createEventAppender(db.collection<EventDocument>(EVENTS_COLLECTION));
  const listeners = new Set<(event: DomainEvent) => void>();
  return {
    origin,
    async append(event) {
      const doc: EventDocument = { _id: new ObjectId(), origin, event };
      for (const listener of listeners) listener(event);
      await write(doc);
      return doc._id.toHexString();
    },
    subscribeOwn(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The event log over the capped collection; tailing is `event-tail.ts`. */
export function createEventLog(db: Db): EventLog {
  const events: Collection<EventDocument> = db.collection(EVENTS_COLLECTION);
  const writer = createEventWriter(db);
  return {
    appendEvent: writer.append,
    tailEvents: (fromId, signal, options) =>
      tailCappedEvents(events, fromId, signal, options?.othersOnly ? writer.origin : undefined),
    subscribeOwn: writer.subscribeOwn,
  };
}
