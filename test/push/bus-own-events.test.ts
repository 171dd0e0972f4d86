import type { Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent, MessageEvent } from '../../src/domain/events.ts';
import { type EmbeddedMongo, startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { createEventBus } from '../../src/push/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { sentEvent, silentLogger } from './fixtures.ts';

/** Collects the message numbers `bus` delivers, as they come. */
function collect(bus: AsyncIterable<DomainEvent>): number[] {
  const nums: number[] = [];
  void (async () => {
    for await (const event of bus) nums.push((event as MessageEvent).messageNum);
  })();
  return nums;
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe.each([
  ['standalone (capped tail)', {}],
  ['replica set (change streams)', { replicaSet: 'rs0' }],
])(
  'push bus: an instance hears its own events directly, the others through the store, on a %s',
  (_, options) => {
    let mongo: EmbeddedMongo;
    let own: Store;
    let other: Store;
    /** The message numbers of the events the own store's tail read (getMore replies). */
    const tailed: number[] = [];
    beforeAll(async () => {
      mongo = await startEmbeddedMongo(options);
      own = await openStore({ uri: mongo.uri, dbName: 'own_events', onCommand: () => undefined });
      own.db.client.on('commandSucceeded', (reply) => {
        if (reply.commandName !== 'getMore') return;
        for (const doc of (reply.reply as { cursor: { nextBatch: Document[] } }).cursor.nextBatch) {
          tailed.push(((doc.fullDocument ?? doc) as { event: MessageEvent }).event.messageNum);
        }
      });
      other = await openStore({ uri: mongo.uri, dbName: 'own_events' });
    });
    afterAll(async () => {
      await own?.db.dropDatabase();
      await other?.close();
      await own?.close();
      await mongo?.close();
    });

    it('delivers every event once, and reads none of its own back from the store', async () => {
      const bus = createEventBus(own.events, { logger: silentLogger, initialBackoffMs: 20 });
      const delivered = collect(bus);
      try {
        for (let i = 0; i < 100 && bus.lastId === undefined; i++) {
          await other.events.appendEvent(sentEvent([], { messageNum: 0 }));
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        expect(bus.lastId).toBeDefined();
        await new Promise((resolve) => setTimeout(resolve, 100));
        delivered.length = 0; // the probes
        tailed.length = 0;
        for (let num = 1; num <= 20; num++) {
          await (num % 2 === 0 ? other : own).events.appendEvent(sentEvent(['a'], { messageNum: num }));
        }
        await until(() => delivered.length >= 20, 2000);
        await new Promise((resolve) => setTimeout(resolve, 100)); // a duplicate would arrive by now
        const seen = [...delivered];
        expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        // own events arrive in the order they were appended
        expect(seen.filter((num) => num % 2 === 1)).toEqual(Array.from({ length: 10 }, (_, i) => 2 * i + 1));
        // the store sent this instance the other instance's events only
        expect([...tailed].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => 2 * i + 2));
      } finally {
        await bus.close();
      }
    });

    it('a tail of the others resumes after an id of its own instance', async () => {
      const abort = new AbortController();
      try {
        const mine = await own.events.appendEvent(sentEvent(['a'], { messageNum: 101 }));
        await other.events.appendEvent(sentEvent(['a'], { messageNum: 102 }));
        await own.events.appendEvent(sentEvent(['a'], { messageNum: 103 }));
        await other.events.appendEvent(sentEvent(['a'], { messageNum: 104 }));
        const nums: number[] = [];
        for await (const { event } of own.events.tailEvents(mine, abort.signal, { othersOnly: true })) {
          nums.push((event as MessageEvent).messageNum);
          if (nums.length === 2) break;
        }
        expect(nums).toEqual([102, 104]);
      } finally {
        abort.abort();
      }
    });
  },
);
