import {
  BSON,
  type ChangeStreamInsertDocument,
  type Collection,
  type Db,
  type Document,
  MongoServerError,
} from 'mongodb';
import { untilAborted } from './until-aborted.ts';
import {
  createEventLog,
  EVENTS_COLLECTION,
  type EventDocument,
  type EventLog,
  type LoggedEvent,
} from './event-log.ts';

/** How long a change stream's `getMore` waits for an insert before returning an empty batch. */
const AWAIT_MS = 1000;
/** ChangeStreamHistoryLost, and ChangeStreamFatalError (what mongod answers a token it cannot use). */
const CANNOT_RESUME = new Set([286, 280]);

function cannotResume(error: unknown): boolean {
  return error instanceof MongoServerError && CANNOT_RESUME.has(Number(error.code));
}

/**
 * The event log read through a change stream, for replica sets and sharded clusters: writes are
 * the capped log's (`appendEvent`), reads watch the `events` collection's inserts. An entry's id is
 * its change event's resume token (as EJSON), so a tail restarted after a reconnect resumes with
 * `resumeAfter` exactly after the last event seen; the driver itself resumes across transient
 * errors. A token the server can no longer resume from (the oplog rolled past it) restarts the
 * tail at the current end, as the capped log does when its position rolled off: push is at most
 * once, and clients gap-fill by sequence.
 */
export function createChangeStreamEventLog(db: Db): EventLog {
  const events: Collection<EventDocument> = db.collection(EVENTS_COLLECTION);

  async function* watchFrom(resumeAfter: Document | undefined, signal: AbortSignal) {
    const stream = events.watch<EventDocument, ChangeStreamInsertDocument<EventDocument>>(
      [{ $match: { operationType: 'insert' } }],
      { maxAwaitTimeMS: AWAIT_MS, ...(resumeAfter === undefined ? {} : { resumeAfter }) },
    );
    for await (const change of untilAborted(stream, signal)) {
      yield { id: BSON.EJSON.stringify(change._id), event: change.fullDocument.event } satisfies LoggedEvent;
    }
  }

  const capped = createEventLog(db);
  return {
    appendEvent: (event) => capped.appendEvent(event),
    async *tailEvents(fromId, signal) {
      const resumeAfter = fromId === undefined ? undefined : (BSON.EJSON.parse(fromId) as Document);
      try {
        yield* watchFrom(resumeAfter, signal);
      } catch (error) {
        if (resumeAfter === undefined || !cannotResume(error)) throw error;
        yield* watchFrom(undefined, signal);
      }
    },
  };
}
