import { setTimeout as delay } from 'node:timers/promises';
import { type Collection, type Db, ObjectId } from 'mongodb';
import type { DomainEvent } from '../domain/index.ts';
import { isNamespaceExists } from './mongo-errors.ts';

/** The capped collection every gateway instance appends to and tails. */
export const EVENTS_COLLECTION = 'events';
/** 64 MiB: minutes of traffic; push is at most once, so older events may roll off. */
export const EVENTS_CAPACITY_BYTES = 64 * 1024 * 1024;
/** How long a tailing `getMore` waits for an insert before returning an empty batch. */
const AWAIT_MS = 1000;
/** Pause before re-opening a tail that died (e.g. on an empty capped collection). */
const REOPEN_MS = 100;
/**
 * A re-opened tail skips events older than its position by more than this, so it does not re-read
 * the whole collection; writers' clocks must agree within it.
 */
const CLOCK_SKEW_S = 60;

export interface EventDocument {
  _id: ObjectId;
  event: DomainEvent;
}

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

export function createEventLog(db: Db): EventLog {
  const events: Collection<EventDocument> = db.collection(EVENTS_COLLECTION);

  async function lastId(): Promise<ObjectId | undefined> {
    const [last] = await events.find({}).sort({ $natural: -1 }).limit(1).toArray();
    return last?._id;
  }

  /**
   * Reads in natural order, skipping until `after` is seen: ObjectIds from several writers are not
   * ordered, so the position is found in the log rather than compared.
   */
  async function* tailOnce(after: ObjectId | undefined, signal: AbortSignal) {
    const filter = after
      ? {
          _id: {
            $gte: ObjectId.createFromTime(Math.max(0, after.getTimestamp().getTime() / 1000 - CLOCK_SKEW_S)),
          },
        }
      : {};
    const cursor = events.find(filter, { tailable: true, awaitData: true, maxAwaitTimeMS: AWAIT_MS });
    const close = () => void cursor.close().catch(() => undefined);
    signal.addEventListener('abort', close, { once: true });
    let passed = after === undefined;
    try {
      for await (const doc of cursor) {
        if (passed) yield doc;
        else if (after?.equals(doc._id)) passed = true;
        if (signal.aborted) return;
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    } finally {
      signal.removeEventListener('abort', close);
      close();
    }
  }

  return {
    async appendEvent(event) {
      const _id = new ObjectId();
      await events.insertOne({ _id, event });
      return _id.toHexString();
    },
    async *tailEvents(fromId, signal) {
      let after = fromId ? new ObjectId(fromId) : await lastId();
      while (!signal.aborted) {
        if (after && !(await events.findOne({ _id: after }))) after = undefined;
        for await (const doc of tailOnce(after, signal)) {
          after = doc._id;
          yield { id: doc._id.toHexString(), event: doc.event };
        }
        await delay(REOPEN_MS, undefined, { signal }).catch(() => undefined);
      }
    },
  };
}
