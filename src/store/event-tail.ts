import { setTimeout as delay } from 'node:timers/promises';
import { type Collection, type Document, type Filter, ObjectId } from 'mongodb';
import type { DomainEvent } from '../domain/index.ts';

/** One document of the capped event log; `origin` names the log instance that appended it. */
export interface EventDocument {
  _id: ObjectId;
  origin?: string;
  event: DomainEvent;
}

/** How long a tailing `getMore` waits for an insert before returning an empty batch. */
const AWAIT_MS = 1000;
/** Pause before re-opening a tail that died (e.g. on an empty capped collection). */
const REOPEN_MS = 100;
/**
 * After a batch, how long the tail lets new events gather before it asks for more: under load one
 * `getMore` then returns every event of this window instead of one per insert. Also the most it
 * adds to a push's latency; an idle tail waits in `awaitData` and costs nothing.
 */
export const TAIL_BATCH_MS = 10;
/**
 * A re-opened tail skips events older than its position by more than this, so it does not re-read
 * the whole collection; writers' clocks must agree within it.
 */
const CLOCK_SKEW_S = 60;

/**
 * The events not appended under `origin`, and the one at `position` whatever its origin: a tail
 * resuming there must find it. `paths` say where origin and id sit in what the server matches
 * (the event document itself, or a change event's `fullDocument` and `documentKey`).
 */
export function othersAndPosition(
  origin: string,
  position: ObjectId | undefined,
  paths: { readonly origin: string; readonly id: string } = { origin: 'origin', id: '_id' },
): Document {
  const others = { [paths.origin]: { $ne: origin } };
  return position ? { $or: [others, { [paths.id]: position }] } : others;
}

/**
 * What a tail after `after` reads: events from shortly before it on (the log is searched for
 * `after` itself), leaving out those of `skipOrigin`.
 */
function tailFilter(after: ObjectId | undefined, skipOrigin: string | undefined): Filter<EventDocument> {
  const filter: Filter<EventDocument> = skipOrigin === undefined ? {} : othersAndPosition(skipOrigin, after);
  if (after) {
    const seconds = Math.max(0, after.getTimestamp().getTime() / 1000 - CLOCK_SKEW_S);
    filter._id = { $gte: ObjectId.createFromTime(seconds) };
  }
  return filter;
}

/**
 * Reads in natural order, skipping until `after` is seen: ObjectIds from several writers are not
 * ordered, so the position is found in the log rather than compared. Yields each `getMore`'s
 * batch whole, then waits `TAIL_BATCH_MS` before the next one.
 */
async function* tailOnce(
  events: Collection<EventDocument>,
  after: ObjectId | undefined,
  signal: AbortSignal,
  skipOrigin: string | undefined,
): AsyncGenerator<EventDocument> {
  const cursor = events.find(tailFilter(after, skipOrigin), {
    tailable: true,
    awaitData: true,
    maxAwaitTimeMS: AWAIT_MS,
  });
  const close = () => void cursor.close().catch(() => undefined);
  signal.addEventListener('abort', close, { once: true });
  let passed = after === undefined;
  try {
    while (!signal.aborted) {
      const first = await cursor.next();
      if (first === null) return;
      for (const doc of [first, ...cursor.readBufferedDocuments()]) {
        if (passed) yield doc;
        else if (after?.equals(doc._id)) passed = true;
      }
      await delay(TAIL_BATCH_MS, undefined, { signal }).catch(() => undefined);
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  } finally {
    signal.removeEventListener('abort', close);
    close();
  }
}

/**
 * The capped-collection tail of the event log: entries after `fromId` (after the current end when
 * omitted) until `signal` aborts, but none appended under `skipOrigin`; a tail that dies is
 * re-opened after the last entry seen, and a `fromId` that rolled off restarts at the oldest
 * entry kept.
 */
export async function* tailCappedEvents(
  events: Collection<EventDocument>,
  fromId: string | undefined,
  signal: AbortSignal,
  skipOrigin?: string,
): AsyncGenerator<{ id: string; event: DomainEvent }> {
  let after = fromId
    ? new ObjectId(fromId)
    : (await events.find({}).sort({ $natural: -1 }).limit(1).toArray())[0]?._id;
  while (!signal.aborted) {
    if (after && !(await events.findOne({ _id: after }))) after = undefined;
    for await (const doc of tailOnce(events, after, signal, skipOrigin)) {
      after = doc._id;
      yield { id: doc._id.toHexString(), event: doc.event };
    }
    await delay(REOPEN_MS, undefined, { signal }).catch(() => undefined);
  }
}
