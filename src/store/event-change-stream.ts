import {
  BSON,
  type ChangeStreamInsertDocument,
  type Collection,
  type Db,
  type Document,
  MongoServerError,
  ObjectId,
} from 'mongodb';
import { createEventWriter, EVENTS_COLLECTION, type EventLog, type LoggedEvent } from './event-log.ts';
import { type EventDocument, othersAndPosition } from './event-tail.ts';
import { untilAborted } from './until-aborted.ts';

/** Where a change event holds the inserted document's origin and id. */
const CHANGE_PATHS = { origin: 'fullDocument.origin', id: 'documentKey._id' } as const;
/** How long a change stream's `getMore` waits for an insert before returning an empty batch. */
const AWAIT_MS = 1000;
/**
 * A tail from an appended event's id starts this much earlier than the id's time and skips to it;
 * writers' clocks must agree within it (as for the capped tail).
 */
const CLOCK_SKEW_S = 60;
/** ChangeStreamHistoryLost, and ChangeStreamFatalError (what mongod answers a token it cannot use). */
const CANNOT_RESUME = new Set([286, 280]);

function cannotResume(error: unknown): boolean {
  return error instanceof MongoServerError && CANNOT_RESUME.has(Number(error.code));
}

/**
 * The event log read through a change stream, for replica sets and sharded clusters: writes are
 * the capped log's (`createEventWriter`), reads watch the `events` collection's inserts. An entry's id is
 * its change event's resume token (as EJSON), so a tail restarted after a reconnect resumes with
 * `resumeAfter` exactly after the last event seen; the driver itself resumes across transient
 * errors. An id `appendEvent` returned (an ObjectId) is found by time instead: the stream starts
 * shortly before it and skips to it. A token the server can no longer resume from (the oplog rolled past it) restarts the
 * tail at the current end, as the capped log does when its position rolled off: push is at most
 * once, and clients gap-fill by sequence.
 */
export function createChangeStreamEventLog(db: Db): EventLog {
  const events: Collection<EventDocument> = db.collection(EVENTS_COLLECTION);

  /** Where a tail starts: a resume token, or the time of an appended event (skipped to). */
  function startOf(fromId: string): { options: Document; skipTo?: ObjectId } {
    if (!ObjectId.isValid(fromId) || fromId.startsWith('{')) {
      return { options: { resumeAfter: BSON.EJSON.parse(fromId) as Document } };
    }
    const skipTo = new ObjectId(fromId);
    const seconds = Math.max(0, Math.floor(skipTo.getTimestamp().getTime() / 1000) - CLOCK_SKEW_S);
    return { options: { startAtOperationTime: new BSON.Timestamp({ t: seconds, i: 0 }) }, skipTo };
  }

  /** Inserts, without those of `skipOrigin` unless it is the one skipped to (the position). */
  function inserts(skipOrigin: string | undefined, skipTo: ObjectId | undefined): Document {
    if (skipOrigin === undefined) return { operationType: 'insert' };
    return { operationType: 'insert', ...othersAndPosition(skipOrigin, skipTo, CHANGE_PATHS) };
  }

  async function* watchFrom(fromId: string | undefined, signal: AbortSignal, skipOrigin: string | undefined) {
    const start = fromId === undefined ? { options: {} } : startOf(fromId);
    const stream = events.watch<EventDocument, ChangeStreamInsertDocument<EventDocument>>(
      [{ $match: inserts(skipOrigin, start.skipTo) }],
      { maxAwaitTimeMS: AWAIT_MS, ...start.options },
    );
    let passed = start.skipTo === undefined;
    for await (const change of untilAborted(stream, signal)) {
      if (passed) {
        yield {
          id: BSON.EJSON.stringify(change._id),
          event: change.fullDocument.event,
        } satisfies LoggedEvent;
      } else if (start.skipTo?.equals(change.documentKey._id)) passed = true;
    }
  }

  const writer = createEventWriter(db);
  return {
    appendEvent: writer.append,
    async *tailEvents(fromId, signal, options) {
      const skipOrigin = options?.othersOnly ? writer.origin : undefined;
      try {
        yield* watchFrom(fromId, signal, skipOrigin);
      } catch (error) {
        if (fromId === undefined || !cannotResume(error)) throw error;
        yield* watchFrom(undefined, signal, skipOrigin);
      }
    },
    subscribeOwn: writer.subscribeOwn,
  };
}
