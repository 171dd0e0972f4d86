import type { Db, Document } from 'mongodb';

/**
 * How gateway instances share events: `change-stream` on a replica set or a sharded cluster (the
 * oplog carries every insert to every instance), `capped-tail` on a standalone server, which has
 * no oplog (a tailable cursor on the capped `events` collection).
 */
export type EventFeedKind = 'change-stream' | 'capped-tail';

/**
 * The feed for a server that says `hello` of itself: a replica-set member reports `setName`, a
 * mongos `msg: 'isdbgrid'`; anything else is a standalone.
 */
export function feedFor(hello: Document): EventFeedKind {
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid' ? 'change-stream' : 'capped-tail';
}

/** Asks the server (`hello`) and chooses the feed with `feedFor`. */
export async function detectEventFeed(db: Db): Promise<EventFeedKind> {
  return feedFor(await db.admin().command({ hello: 1 }));
}
