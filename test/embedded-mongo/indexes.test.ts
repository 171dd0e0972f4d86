import { type Filter, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { type Loose, useHarness } from './harness.ts';

const h = useHarness();

interface Rekeyed {
  _id: number;
  members: string[];
  state: { seq: number };
  tag: string;
  live: boolean;
  n?: number;
}

describe('collections', () => {
  it('creates, lists and drops collections, capped ones included', async () => {
    await h.db.createCollection('plain');
    await h.db.createCollection('ring', { capped: true, size: 4096, max: 3 });
    const exists = await h.db.createCollection('plain').catch((e: unknown) => e);
    expect(exists).toMatchObject({ code: 48, codeName: 'NamespaceExists' });
    const listed = await h.db.listCollections({ name: 'ring' }).toArray();
    expect(listed[0]).toMatchObject({ name: 'ring', type: 'collection', options: { capped: true, max: 3 } });
    const names = await h.db.listCollections({}, { nameOnly: true }).toArray();
    expect(names.map((c) => c.name)).toEqual(expect.arrayContaining(['plain', 'ring']));
    for (let i = 0; i < 5; i++) await h.db.collection<Loose>('ring').insertOne({ i });
    expect((await h.db.collection<Loose>('ring').find().toArray()).map((d) => d.i)).toEqual([2, 3, 4]);
    expect(await h.db.collection<Loose>('plain').drop()).toBe(true);
    expect(await h.db.listCollections({ name: 'plain' }).toArray()).toEqual([]);
  });
});

describe('indexes', () => {
  it('creates, lists and drops indexes', async () => {
    const c = h.db.collection<Loose>('ix');
    expect(await c.createIndex({ a: 1, b: -1 }, { unique: true })).toBe('a_1_b_-1');
    await c.createIndexes([{ key: { c: 1 }, name: 'by_c' }]);
    const listed = await c.listIndexes().toArray();
    expect(listed.map((i) => i.name)).toEqual(['_id_', 'a_1_b_-1', 'by_c']);
    expect(listed[1]).toMatchObject({ key: { a: 1, b: -1 }, unique: true, v: 2 });
    await c.dropIndex('by_c');
    const missing = await c.dropIndex('by_c').catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 27, codeName: 'IndexNotFound' });
    await c.dropIndexes();
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
    const noNs = await h.db
      .collection<Loose>('nothing')
      .listIndexes()
      .toArray()
      .catch((e: unknown) => e);
    expect(noNs).toMatchObject({ code: 26 });
  });

  it('enforces a unique compound index with E11000, keyPattern and keyValue', async () => {
    const c = h.db.collection<Loose>('messages');
    await c.createIndex({ chatId: 1, seq: 1 }, { unique: true });
    await c.insertOne({ chatId: 's_1', seq: 1 });
    await c.insertOne({ chatId: 's_1', seq: 2 });
    await c.insertOne({ chatId: 's_2', seq: 1 });
    const error = await c.insertOne({ chatId: 's_1', seq: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({
      code: 11000,
      keyPattern: { chatId: 1, seq: 1 },
      keyValue: { chatId: 's_1', seq: 2 },
      errmsg:
        'E11000 duplicate key error collection: test.messages index: chatId_1_seq_1 dup key: { chatId: "s_1", seq: 2 }',
    });
    const update = await c
      .updateOne({ chatId: 's_2' }, { $set: { chatId: 's_1', seq: 1 } })
      .catch((e: unknown) => e);
    expect(update).toMatchObject({ code: 11000 });
    const upsert = await c
      .findOneAndUpdate({ chatId: 's_1', seq: 2, x: 1 }, { $set: { y: 1 } }, { upsert: true })
      .catch((e: unknown) => e);
    expect(upsert).toMatchObject({ code: 11000, keyValue: { chatId: 's_1', seq: 2 } });
    expect(await c.countDocuments()).toBe(3);
    const dupId = await c.insertOne({ _id: (await c.findOne({}))?._id }).catch((e: unknown) => e);
    expect(dupId).toMatchObject({ code: 11000, keyPattern: { _id: 1 } });
  });

  it('keeps every index in step when an update changes some indexed fields and leaves others', async () => {
    const c = h.db.collection<Rekeyed>('rekeyed');
    await c.createIndex({ members: 1 });
    await c.createIndex({ 'state.seq': 1 });
    await c.createIndex({ tag: 1 }, { unique: true, partialFilterExpression: { live: true } });
    await c.insertOne({ _id: 1, members: ['a', 'b'], state: { seq: 1 }, tag: 't', live: true, n: 0 });
    await c.updateOne({ _id: 1 }, { $inc: { n: 1 } });
    await c.updateOne({ _id: 1 }, { $set: { 'state.seq': 2 }, $push: { members: 'c' } });
    await c.updateOne({ _id: 1 }, { $set: { live: false } });
    await c.insertOne({ _id: 2, members: [], state: { seq: 9 }, tag: 't', live: true });
    const ids = async (filter: Filter<Rekeyed>) => (await c.find(filter).toArray()).map((doc) => doc._id);
    expect(await ids({ members: 'c' })).toEqual([1]);
    expect(await ids({ members: 'a' })).toEqual([1]);
    expect(await ids({ 'state.seq': 1 })).toEqual([]);
    expect(await ids({ 'state.seq': { $gte: 2 } })).toEqual([1, 2]);
    expect(await ids({ tag: 't', live: true })).toEqual([2]);
  });

  it('refuses a unique index over existing duplicates', async () => {
    const c = h.db.collection<Loose>('dups');
    await c.insertMany([{ k: 1 }, { k: 1 }]);
    const error = await c.createIndex({ k: 1 }, { unique: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 11000 });
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('serves equality + range + sort from the index without scanning the collection', async () => {
    const c = h.db.collection<Loose>('indexed');
    await c.createIndex({ chatId: 1, seq: 1 }, { unique: true });
    const docs = [];
    for (let chat = 0; chat < 20; chat++)
      for (let seq = 1; seq <= 200; seq++) docs.push({ chatId: `s_${chat}`, seq });
    await c.insertMany(docs);
    const engine = h.server.engine;
    const collection = engine.collection('test', 'indexed');
    const before = collection?.docsExamined ?? 0;
    const page = await c
      .find({ chatId: 's_7', seq: { $gt: 100 } })
      .sort({ seq: 1 })
      .limit(50)
      .toArray();
    expect(page.map((d) => d.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 101 + i));
    expect((collection?.docsExamined ?? 0) - before).toBe(50);
    const latest = await c.find({ chatId: 's_3' }).sort({ seq: -1 }).limit(5).toArray();
    expect(latest.map((d) => d.seq)).toEqual([200, 199, 198, 197, 196]);
    const explained = await c
      .find({ chatId: 's_7', seq: { $gte: 10, $lt: 20 } })
      .sort({ seq: 1 })
      .explain();
    expect(explained.queryPlanner.winningPlan.inputStage).toMatchObject({
      stage: 'IXSCAN',
      indexName: 'chatId_1_seq_1',
    });
    expect(explained.executionStats).toMatchObject({
      nReturned: 10,
      totalDocsExamined: 10,
      sortInMemory: false,
    });
    const inQuery = await c.find({ chatId: { $in: ['s_1', 's_2'] }, seq: 5 }).explain();
    expect(inQuery.executionStats.totalDocsExamined).toBe(2);
    const narrowed = await c
      .find({ chatId: 's_7', seq: { $gt: 100, $ne: 120 } })
      .sort({ seq: 1 })
      .limit(30)
      .toArray();
    expect(narrowed.map((d) => d.seq)).not.toContain(120);
    expect(narrowed).toHaveLength(30);
    expect(await c.find({ chatId: 's_7', seq: 5, extra: 1 }).toArray()).toEqual([]);
    expect(await c.find({ chatId: 's_7', seq: { $gte: 198 } }, { projection: { _id: 0 } }).toArray()).toEqual(
      [
        { chatId: 's_7', seq: 198 },
        { chatId: 's_7', seq: 199 },
        { chatId: 's_7', seq: 200 },
      ],
    );
    const scan = await c.find({ seq: 5 }).explain();
    expect(scan.queryPlanner.winningPlan).toMatchObject({ stage: 'COLLSCAN' });
  });

  it('indexes array elements (multikey) and keeps results exact', async () => {
    const c = h.db.collection<Loose>('multi');
    await c.createIndex({ tags: 1 });
    await c.insertMany([{ tags: ['a', 'b'] }, { tags: ['b', 'c'] }, { tags: [] }, { tags: 'a' }]);
    expect(await c.countDocuments({ tags: 'a' })).toBe(2);
    expect(await c.countDocuments({ tags: { $in: ['b', 'c'] } })).toBe(2);
    const sorted = await c
      .find({ tags: { $gte: 'b' } })
      .sort({ tags: 1 })
      .toArray();
    expect(sorted).toHaveLength(2);
  });
});
