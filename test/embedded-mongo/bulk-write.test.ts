import { Double, Long, MongoClientBulkWriteError, type MongoServerError } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Loose, startHarness, tempDataDir, useHarness } from './harness.ts';

/** Every namespace holds documents with plain `_id`s. */
type Schemas = Record<string, Loose>;

const h = useHarness();
beforeEach(async () => {
  for (const name of ['a', 'b', 'ring']) await h.db.collection(name).drop();
});

async function rejection(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('client-level bulkWrite (MongoDB 8.0)', () => {
  it('runs inserts, updates and deletes across two collections and reports each result', async () => {
    await h.db.collection<Loose>('b').insertMany([
      { _id: 1, k: 1 },
      { _id: 2, k: 1 },
      { _id: 3, k: 2 },
    ]);
    const result = await h.client.bulkWrite<Schemas>(
      [
        { name: 'insertOne', namespace: 'test.a', document: { _id: 1, v: 'one' } },
        { name: 'insertOne', namespace: 'test.a', document: { _id: 2, v: 'two' } },
        { name: 'updateMany', namespace: 'test.b', filter: { k: 1 }, update: { $inc: { k: 10 } } },
        {
          name: 'updateOne',
          namespace: 'test.a',
          filter: { _id: 9 },
          update: { $set: { v: 'new' } },
          upsert: true,
        },
        { name: 'replaceOne', namespace: 'test.a', filter: { _id: 2 }, replacement: { v: 'TWO' } },
        { name: 'deleteOne', namespace: 'test.b', filter: { k: 2 } },
      ],
      { verboseResults: true },
    );
    expect(result).toMatchObject({
      insertedCount: 2,
      matchedCount: 3,
      modifiedCount: 3,
      upsertedCount: 1,
      deletedCount: 1,
    });
    expect(result.insertResults?.get(1)).toEqual({ insertedId: 2 });
    expect(result.updateResults?.get(2)).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect(result.updateResults?.get(3)).toMatchObject({ matchedCount: 1, modifiedCount: 0, upsertedId: 9 });
    expect(result.deleteResults?.get(5)).toEqual({ deletedCount: 1 });
    expect(await h.db.collection('a').find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, v: 'one' },
      { _id: 2, v: 'TWO' },
      { _id: 9, v: 'new' },
    ]);
    expect(await h.db.collection('b').find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, k: 11 },
      { _id: 2, k: 11 },
    ]);
  });

  it('answers the command with a cursor of per-op items and the summary counts', async () => {
    const reply = await h.client.db('admin').command({
      bulkWrite: 1,
      ops: [
        { insert: 0, document: { _id: 1 } },
        { update: 1, filter: { _id: 5 }, updateMods: { $set: { x: 1 } }, upsert: true },
        { delete: 0, filter: {}, multi: true },
      ],
      nsInfo: [{ ns: 'test.a' }, { ns: 'test.b' }],
    });
    expect(reply).toEqual({
      ok: 1,
      cursor: {
        id: 0,
        ns: 'admin.$cmd.bulkWrite',
        firstBatch: [
          { ok: 1, idx: 0, n: 1 },
          { ok: 1, idx: 1, n: 1, nModified: 0, upserted: { index: 0, _id: 5 } },
          { ok: 1, idx: 2, n: 1 },
        ],
      },
      nErrors: 0,
      nInserted: 1,
      nMatched: 0,
      nModified: 0,
      nUpserted: 1,
      nDeleted: 1,
    });
  });

  it('serves results past cursor.batchSize through getMore on admin.$cmd.bulkWrite', async () => {
    const admin = h.client.db('admin');
    const reply = await admin.command({
      bulkWrite: 1,
      ops: [1, 2, 3].map((n) => ({ insert: 0, document: { _id: n } })),
      nsInfo: [{ ns: 'test.a' }],
      cursor: { batchSize: 1 },
    });
    expect(reply.nInserted).toBe(3);
    expect(reply.cursor.firstBatch).toEqual([{ ok: 1, idx: 0, n: 1 }]);
    expect(Number(reply.cursor.id)).not.toBe(0);
    const rest = await admin.command({ getMore: reply.cursor.id, collection: '$cmd.bulkWrite' });
    expect(rest.cursor.nextBatch.map((item: { idx: number }) => item.idx)).toEqual([1, 2]);
    expect(Number(rest.cursor.id)).toBe(0);
  });

  it('stops an ordered bulk write at a duplicate key, reporting its index and code', async () => {
    await h.db.collection<Loose>('a').insertOne({ _id: 1 });
    const error = await rejection(() =>
      h.client.bulkWrite<Schemas>([
        { name: 'insertOne', namespace: 'test.b', document: { _id: 'first' } },
        { name: 'insertOne', namespace: 'test.a', document: { _id: 1 } },
        { name: 'insertOne', namespace: 'test.b', document: { _id: 'never' } },
      ]),
    );
    expect(error).toBeInstanceOf(MongoClientBulkWriteError);
    const bulk = error as MongoClientBulkWriteError;
    expect([...bulk.writeErrors.keys()]).toEqual([1]);
    expect(bulk.writeErrors.get(1)?.code).toBe(11000);
    expect(bulk.partialResult?.insertedCount).toBe(1);
    expect(await h.db.collection('b').find().toArray()).toEqual([{ _id: 'first' }]);
  });

  it('reports E11000 with keyPattern and keyValue, as the insert command does, and lists only errors with errorsOnly', async () => {
    await h.db.collection<Loose>('a').createIndex({ k: 1 }, { unique: true });
    await h.db.collection<Loose>('a').insertOne({ _id: 1, k: 7 });
    const reply = await h.client.db('admin').command({
      bulkWrite: 1,
      ops: [
        { insert: 0, document: { _id: 2, k: 7 } },
        { insert: 0, document: { _id: 3, k: 8 } },
      ],
      nsInfo: [{ ns: 'test.a' }],
      ordered: false,
      errorsOnly: true,
    });
    expect(reply.nErrors).toBe(1);
    expect(reply.nInserted).toBe(1);
    expect(reply.cursor.firstBatch).toEqual([
      expect.objectContaining({
        ok: 0,
        idx: 0,
        code: 11000,
        codeName: 'DuplicateKey',
        keyPattern: { k: 1 },
        keyValue: { k: 7 },
      }),
    ]);
    expect(reply.cursor.firstBatch[0].errmsg).toContain('E11000 duplicate key error collection: test.a');
  });

  it('goes on after a failed op when unordered', async () => {
    await h.db.collection<Loose>('a').insertOne({ _id: 1 });
    const error = await rejection(() =>
      h.client.bulkWrite<Schemas>(
        [
          { name: 'insertOne', namespace: 'test.a', document: { _id: 1 } },
          { name: 'insertOne', namespace: 'test.a', document: { _id: 2 } },
          { name: 'updateOne', namespace: 'test.a', filter: { _id: 2 }, update: { $set: { _id: 3 } } },
          { name: 'deleteOne', namespace: 'test.a', filter: { _id: 1 } },
        ],
        { ordered: false },
      ),
    );
    const bulk = error as MongoClientBulkWriteError;
    expect([...bulk.writeErrors.keys()].sort()).toEqual([0, 2]);
    expect(bulk.writeErrors.get(0)?.code).toBe(11000);
    expect(bulk.writeErrors.get(2)?.code).toBe(66);
    expect(bulk.partialResult).toMatchObject({ insertedCount: 1, deletedCount: 1, modifiedCount: 0 });
    expect(await h.db.collection('a').find().toArray()).toEqual([{ _id: 2 }]);
  });

  it('fails the whole command, writing nothing, for a bad request or outside admin', async () => {
    const admin = h.client.db('admin');
    const badIndex = await rejection(() =>
      admin.command({
        bulkWrite: 1,
        ops: [
          { insert: 0, document: { _id: 1 } },
          { insert: 1, document: { _id: 2 } },
        ],
        nsInfo: [{ ns: 'test.a' }],
      }),
    );
    expect(badIndex).toMatchObject({ code: 2 });
    expect((badIndex as MongoServerError).message).toContain('has an invalid nsInfo index');
    const unknown = await rejection(() =>
      admin.command({
        bulkWrite: 1,
        ops: [{ insert: 0, document: {}, bogus: 1 }],
        nsInfo: [{ ns: 'test.a' }],
      }),
    );
    expect(unknown).toMatchObject({ code: 40415 });
    const wrongType = await rejection(() =>
      admin.command({
        bulkWrite: 1,
        ops: [
          { insert: 0, document: { _id: 4 } },
          { update: 0, filter: 5, updateMods: { $set: { x: 1 } } },
        ],
        nsInfo: [{ ns: 'test.a' }],
      }),
    );
    expect(wrongType).toMatchObject({
      code: 14,
      message: "BSON field 'bulkWrite.ops.filter' is the wrong type 'int', expected type 'object'",
    });
    const sortMulti = await rejection(() =>
      admin.command({
        bulkWrite: 1,
        ops: [
          { insert: 0, document: { _id: 3 } },
          { update: 0, filter: {}, updateMods: { $set: { x: 1 } }, multi: true, sort: { _id: 1 } },
        ],
        nsInfo: [{ ns: 'test.a' }],
      }),
    );
    expect(sortMulti).toMatchObject({ code: 9, message: 'Cannot specify sort with multi=true' });
    const notAdmin = await rejection(() =>
      h.db.command({ bulkWrite: 1, ops: [{ insert: 0, document: {} }], nsInfo: [{ ns: 'test.a' }] }),
    );
    expect(notAdmin).toMatchObject({ code: 13, codeName: 'Unauthorized' });
    expect(await h.db.collection('a').countDocuments()).toBe(0);
  });

  it('updates the first document in sort order for updateOne and replaceOne with sort', async () => {
    await h.db.collection<Loose>('a').insertMany([
      { _id: 1, r: 3 },
      { _id: 2, r: 1 },
      { _id: 3, r: 2 },
    ]);
    await h.client.bulkWrite<Schemas>([
      {
        name: 'updateOne',
        namespace: 'test.a',
        filter: {},
        update: { $set: { top: true } },
        sort: { r: -1 },
      },
      { name: 'replaceOne', namespace: 'test.a', filter: {}, replacement: { low: true }, sort: { r: 1 } },
    ]);
    expect(await h.db.collection('a').find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, r: 3, top: true },
      { _id: 2, low: true },
      { _id: 3, r: 2 },
    ]);
  });

  it("keeps the client's BSON number types for inserted documents and written values", async () => {
    await h.client.bulkWrite<Schemas>([
      {
        name: 'insertOne',
        namespace: 'test.a',
        document: { _id: 1, big: Long.fromNumber(5), d: new Double(1) },
      },
      {
        name: 'updateOne',
        namespace: 'test.a',
        filter: { _id: 1 },
        update: { $set: { l: Long.fromNumber(2) } },
      },
    ]);
    const stored = await h.db.collection<Loose>('a').findOne({ _id: 1 }, { promoteValues: false });
    expect(stored?.big).toBeInstanceOf(Long);
    expect(stored?.d).toBeInstanceOf(Double);
    expect(stored?.l).toBeInstanceOf(Long);
    // Ops in the command body (not a document sequence) keep their types as well.
    await h.client.db('admin').command({
      bulkWrite: 1,
      ops: [
        { insert: 0, document: { _id: 2, big: Long.fromNumber(6) } },
        { update: 0, filter: { _id: 2 }, updateMods: { $set: { d: new Double(2) } } },
      ],
      nsInfo: [{ ns: 'test.a' }],
    });
    const inBody = await h.db.collection<Loose>('a').findOne({ _id: 2 }, { promoteValues: false });
    expect(inBody?.big).toBeInstanceOf(Long);
    expect(inBody?.d).toBeInstanceOf(Double);
  });

  it('wakes a tailable awaitData cursor on a capped collection when it inserts', async () => {
    await h.db.createCollection('ring', { capped: true, size: 1 << 20 });
    await h.db.collection('ring').insertOne({ n: 0 });
    const first = await h.db.command({ find: 'ring', filter: {}, tailable: true, awaitData: true });
    const waiting = h.db.command({ getMore: first.cursor.id, collection: 'ring', maxTimeMS: 5000 });
    const insertAt = Date.now();
    setTimeout(() => {
      void h.client.bulkWrite<Schemas>([{ name: 'insertOne', namespace: 'test.ring', document: { n: 1 } }]);
    }, 50);
    const woke = await waiting;
    expect(woke.cursor.nextBatch.map((d: { n: number }) => d.n)).toEqual([1]);
    expect(Date.now() - insertAt).toBeLessThan(2000);
  });
});

describe('client-level bulkWrite durability and change streams', () => {
  it('keeps every written op across a restart with a data directory', async () => {
    const dataDir = tempDataDir('bulk-write');
    const first = await startHarness({ dataDir });
    await first.db.collection<Loose>('b').insertOne({ _id: 1, gone: true });
    await first.client.bulkWrite<Schemas>([
      { name: 'insertOne', namespace: 'test.a', document: { _id: 1, v: 1 } },
      { name: 'insertOne', namespace: 'other.c', document: { _id: 'x' } },
      { name: 'updateOne', namespace: 'test.a', filter: { _id: 1 }, update: { $set: { v: 2 } } },
      { name: 'deleteOne', namespace: 'test.b', filter: { _id: 1 } },
    ]);
    await first.stop();

    const second = await startHarness({ dataDir });
    expect(await second.db.collection('a').find().toArray()).toEqual([{ _id: 1, v: 2 }]);
    expect(await second.db.collection('b').countDocuments()).toBe(0);
    expect(await second.client.db('other').collection('c').find().toArray()).toEqual([{ _id: 'x' }]);
    await second.stop();
  });

  it('reports its writes to change streams in replica-set mode', async () => {
    const rs = await startHarness({ replicaSet: 'rs0' });
    try {
      const stream = rs.db.watch([], { maxAwaitTimeMS: 100 });
      expect(await stream.tryNext()).toBeNull();
      await rs.client.bulkWrite<Schemas>([
        { name: 'insertOne', namespace: 'test.a', document: { _id: 1 } },
        {
          name: 'updateOne',
          namespace: 'test.b',
          filter: { _id: 2 },
          update: { $set: { x: 1 } },
          upsert: true,
        },
        { name: 'deleteOne', namespace: 'test.a', filter: { _id: 1 } },
      ]);
      const seen: string[] = [];
      while (seen.length < 3) {
        const event = await stream.next();
        if ('ns' in event && event.ns && 'coll' in event.ns)
          seen.push(`${event.operationType} ${event.ns.coll}`);
      }
      expect(seen).toEqual(['insert a', 'insert b', 'delete a']);
      await stream.close();
    } finally {
      await rs.stop();
    }
  });
});
