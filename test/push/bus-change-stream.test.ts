import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/domain/events.ts';
import { type EmbeddedMongo, startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { createEventBus } from '../../src/push/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { sentEvent, silentLogger } from './fixtures.ts';

/**
 * The push bus over the store's change-stream event log, on the embedded replica-set mode; the
 * events come from `writer`, another instance's store (a bus reads its own instance's events
 * without the stream).
 */
let mongo: EmbeddedMongo;
let store: Store;
let writer: Store;
beforeAll(async () => {
  mongo = await startEmbeddedMongo({ replicaSet: 'rs0' });
  store = await openStore({ uri: mongo.uri, dbName: 'bus_change_stream' });
  writer = await openStore({ uri: mongo.uri, dbName: 'bus_change_stream' });
});
afterAll(async () => {
  await store?.db.dropDatabase();
  await writer?.close();
  await store?.close();
  await mongo?.close();
});

const PROBE = 0;

/** The next `count` message numbers the bus delivers, skipping the probes of `untilTailing`. */
async function take(events: AsyncIterator<DomainEvent>, count: number): Promise<number[]> {
  const nums: number[] = [];
  while (nums.length < count) {
    const next = await events.next();
    if (next.done) break;
    const num = (next.value as { messageNum?: number }).messageNum;
    if (num !== undefined && num !== PROBE) nums.push(num);
  }
  return nums;
}

/** Appends probes until the bus has seen one: its change stream is open from then on. */
async function untilTailing(bus: { readonly lastId: string | undefined }): Promise<void> {
  for (let i = 0; i < 100 && bus.lastId === undefined; i++) {
    await writer.events.appendEvent(sentEvent([], { messageNum: PROBE }));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('push bus over change streams', () => {
  it('resumes after the server drops its connections, with no loss and no duplicate', async () => {
    expect(store.eventFeed).toBe('change-stream');
    const bus = createEventBus(store.events, { logger: silentLogger, initialBackoffMs: 20 });
    try {
      const events = bus[Symbol.asyncIterator]();
      await untilTailing(bus);
      await writer.events.appendEvent(sentEvent(['a'], { messageNum: 1 }));
      expect(await take(events, 1)).toEqual([1]);
      expect(JSON.parse(bus.lastId ?? '{}')).toHaveProperty('_data');
      mongo.dropConnections();
      for (const num of [2, 3]) {
        const event = sentEvent(['a'], { messageNum: num });
        await writer.events.appendEvent(event).catch(() => writer.events.appendEvent(event));
      }
      expect(await take(events, 2)).toEqual([2, 3]);
    } finally {
      await bus.close();
    }
  });

  it('starts at the current end when the server cannot resume from the token (another server’s)', async () => {
    const other = await startEmbeddedMongo({ replicaSet: 'rs0' });
    const otherStore = await openStore({ uri: other.uri, dbName: 'bus_change_stream' });
    const abort = new AbortController();
    try {
      const foreign = otherStore.events.tailEvents(undefined, abort.signal)[Symbol.asyncIterator]();
      const pending = foreign.next();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await otherStore.events.appendEvent(sentEvent(['a'], { messageNum: 40 }));
      const token = ((await pending).value as { id: string }).id;
      const tail = store.events.tailEvents(token, abort.signal)[Symbol.asyncIterator]();
      const next = tail.next();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await store.events.appendEvent(sentEvent(['a'], { messageNum: 41 }));
      expect(((await next).value as { event: { messageNum?: number } }).event.messageNum).toBe(41);
    } finally {
      abort.abort();
      await otherStore.close();
      await other.close();
    }
  });
});
