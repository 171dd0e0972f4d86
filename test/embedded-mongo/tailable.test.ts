import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';

const h = useHarness();

describe('tailable cursors on capped collections', () => {
  it('wakes a waiting getMore on insert and returns an empty batch after maxTimeMS', async () => {
    await h.db.createCollection('bus', { capped: true, size: 1 << 20 });
    const bus = h.db.collection('bus');
    await bus.insertOne({ n: 0 });
    const first = await h.db.command({
      find: 'bus',
      filter: { n: { $gte: 0 } },
      tailable: true,
      awaitData: true,
    });
    expect(first.cursor.firstBatch.map((d: { n: number }) => d.n)).toEqual([0]);
    const id = first.cursor.id;
    expect(Number(id)).not.toBe(0);

    const started = Date.now();
    const empty = await h.db.command({ getMore: id, collection: 'bus', maxTimeMS: 150 });
    expect(empty.cursor.nextBatch).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    const waiting = h.db.command({ getMore: id, collection: 'bus', maxTimeMS: 5000 });
    const insertAt = Date.now();
    setTimeout(() => void bus.insertOne({ n: 1 }), 50);
    const woke = await waiting;
    expect(woke.cursor.nextBatch.map((d: { n: number }) => d.n)).toEqual([1]);
    expect(Date.now() - insertAt).toBeLessThan(2000);
  });

  it('keeps a getMore waiting through inserts its filter leaves out, as mongod does', async () => {
    await h.db.createCollection('filtered', { capped: true, size: 1 << 20 });
    const log = h.db.collection('filtered');
    await log.insertOne({ to: 'b', n: 0 });
    const first = await h.db.command({
      find: 'filtered',
      filter: { to: 'a' },
      tailable: true,
      awaitData: true,
    });
    expect(first.cursor.firstBatch).toEqual([]);
    const waiting = h.db.command({ getMore: first.cursor.id, collection: 'filtered', maxTimeMS: 5000 });
    setTimeout(() => void log.insertOne({ to: 'b', n: 1 }), 30);
    setTimeout(() => void log.insertOne({ to: 'a', n: 2 }), 200);
    const woke = await waiting;
    expect(woke.cursor.nextBatch.map((d: { n: number }) => d.n)).toEqual([2]);

    const started = Date.now();
    const later = h.db.command({ getMore: first.cursor.id, collection: 'filtered', maxTimeMS: 300 });
    setTimeout(() => void log.insertOne({ to: 'b', n: 3 }), 30);
    expect((await later).cursor.nextBatch).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('works through the driver with for-await, in insertion order', async () => {
    await h.db.createCollection('events', { capped: true, size: 1 << 20 });
    const events = h.db.collection('events');
    await events.insertOne({ kind: 'start' });
    const cursor = events.find({}, { tailable: true, awaitData: true, maxAwaitTimeMS: 100 });
    const seen: string[] = [];
    const producer = (async () => {
      for (const kind of ['a', 'b', 'c']) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await events.insertOne({ kind });
      }
    })();
    for await (const doc of cursor) {
      seen.push(doc.kind as string);
      if (seen.length === 4) break;
    }
    await producer;
    await cursor.close();
    expect(seen).toEqual(['start', 'a', 'b', 'c']);
  });

  it('refuses a tailable cursor on a normal collection', async () => {
    await h.db.collection('normal').insertOne({ a: 1 });
    const error = await h.db.command({ find: 'normal', tailable: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 2 });
  });
});
