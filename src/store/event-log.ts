import { type Collection, type Db, ObjectId } from 'mongodb';
import type { DomainEvent } from '../domain/index.ts';
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

/**
 * The cross-instance event bus: a capped collection in insertion ("natural") order, read with a
 * tailable awaitData cursor. Works on the embedded server and on a standalone mongod (no replica
 * set needed, unlike change streams).
 */
export interface EventLog {
  appendEvent(event: DomainEvent): Promise<string>;
  /**
   * Events appended after `fromId` — an id `appendEvent` returned or a tail yielded — (after the
   * current end when omitted), until `signal` aborts.
   * When `fromId` has rolled off the capped collection, the tail starts at the oldest event kept.
   */
  tailEvents(fromId: string | undefined, signal: AbortSignal): AsyncIterable<LoggedEvent>;
}

/** Creates the capped collection when missing (idempotent; safe when several instances start). */
export async function ensureEventLog(db: Db): Promise<void> {
  try {
    await db.createCollection(EVENTS_COLLECTION, { capped: true, size: EVENTS_CAPACITY_BYTES });
  } catch (error) {
    if (!isNamespaceExists(error)) throw error;
  }
}

/** An event as the log stores it; the id orders and resumes tails. */
export function eventDocument(event: DomainEvent): EventDocument {
  return { _id: new ObjectId(), event };
}

/** Appends one event to `db`'s log; returns its id. */
export async function appendEventTo(db: Db, event: DomainEvent): Promise<string> {
  const doc = eventDocument(event);
  await db.collection<EventDocument>(EVENTS_COLLECTION).insertOne(doc);
  return doc._id.toHexString();
}

/** The event log over the capped collection; tailing is `event-tail.ts`. */
export function createEventLog(db: Db): EventLog {
  const events: Collection<EventDocument> = db.collection(EVENTS_COLLECTION);
  return {
    appendEvent: (event) => appendEventTo(db, event),
    tailEvents: (fromId, signal) => tailCappedEvents(events, fromId, signal),
  };
}
