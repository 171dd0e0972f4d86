import { MongoBulkWriteError, MongoServerError } from 'mongodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Loose, useHarness } from './harness.ts';

interface Listy {
  _id: number;
  n?: number;
  list: number[];
  set: string[];
  hi?: number;
  lo?: number;
  gone?: boolean;
  a?: { b: number };
}

const h = useHarness();

describe('insert and find', () => {
  beforeEach(async () => {
    await h.db.collection<Loose>('items').drop();
    await h.db.collection<Loose>('items').insertMany(
      Array.from({ length: 30 }, (_, i) => ({
        _id: i,
        n: i,
        group: i % 3,
        tags: [`t${i % 5}`],
        nested: { v: 30 - i },
      })),
    );
  });

  it('filters, sorts, projects, skips and limits', async () => {
    const docs = await h.db
      .collection<Loose>('items')
      .find({ group: 1, n: { $gte: 4 } }, { projection: { n: 1, _id: 0 } })
      .sort({ n: -1 })
      .skip(1)
      .limit(3)
      .toArray();
    expect(docs).toEqual([{ n: 25 }, { n: 22 }, { n: 19 }]);
    expect(await h.db.collection<Loose>('items').findOne({ 'nested.v': 1 })).toMatchObject({ _id: 29 });
    expect(await h.db.collection<Loose>('items').countDocuments({ tags: 't2' })).toBe(6);
  });

  it('serves large results in batches through getMore', async () => {
    const cursor = h.db.collection<Loose>('items').find({}, { batchSize: 7 }).sort({ n: 1 });
    const seen = (await cursor.toArray()).map((d) => d.n);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i));
    const single = await h.db.command({ find: 'items', batchSize: 5, singleBatch: true });
    expect(single.cursor.firstBatch).toHaveLength(5);
    expect(Number(single.cursor.id)).toBe(0);
  });

  it('answers getMore after killCursors with CursorNotFound (43)', async () => {
    const first = await h.db.command({ find: 'items', batchSize: 2 });
    const id = first.cursor.id as number;
    expect(id).not.toBe(0);
    const killed = await h.db.command({ killCursors: 'items', cursors: [id] });
    expect(killed.cursorsKilled).toHaveLength(1);
    const error = await h.db.command({ getMore: id, collection: 'items' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 43, codeName: 'CursorNotFound' });
  });

  it('stores _id first and generates ObjectIds', async () => {
    const { insertedId } = await h.db.collection<Loose>('ids').insertOne({ a: 1 });
    const raw = await h.db.collection<Loose>('ids').findOne({ _id: insertedId });
    expect(Object.keys(raw ?? {})).toEqual(['_id', 'a']);
  });
});

describe('update and delete', () => {
  beforeEach(async () => {
    await h.db.collection<Loose>('u').drop();
    await h.db.collection<Loose>('u').insertMany([
      { _id: 1, n: 1, list: [1, 2], set: ['a'], hi: 5, lo: 5, gone: true },
      { _id: 2, n: 2, list: [], set: [], hi: 5, lo: 5 },
    ]);
  });

  it('applies $set $unset $inc $push $addToSet $pull $max $min', async () => {
    const result = await h.db.collection<Listy>('u').updateOne(
      { _id: 1 },
      {
        $set: { 'a.b': 1 },
        $unset: { gone: '' },
        $inc: { n: 10 },
        $push: { list: 3 },
        $addToSet: { set: 'a' },
        $max: { hi: 9 },
        $min: { lo: 1 },
      },
    );
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    await h.db.collection<Listy>('u').updateOne({ _id: 1 }, { $pull: { list: 1 } });
    expect(await h.db.collection<Loose>('u').findOne({ _id: 1 })).toEqual({
      _id: 1,
      n: 11,
      list: [2, 3],
      set: ['a'],
      hi: 9,
      lo: 1,
      a: { b: 1 },
    });
  });

  it('updates many, counts unmodified matches, upserts with $setOnInsert, replaces', async () => {
    const many = await h.db.collection<Loose>('u').updateMany({}, { $set: { hi: 5 } });
    expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 0 });
    const upsert = await h.db
      .collection<Loose>('u')
      .updateOne({ key: 'k' }, { $set: { v: 1 }, $setOnInsert: { created: true } }, { upsert: true });
    expect(upsert.upsertedCount).toBe(1);
    expect(await h.db.collection<Loose>('u').findOne({ key: 'k' }, { projection: { _id: 0 } })).toEqual({
      key: 'k',
      v: 1,
      created: true,
    });
    await h.db
      .collection<Loose>('u')
      .updateOne({ key: 'k' }, { $set: { v: 2 }, $setOnInsert: { created: false } }, { upsert: true });
    expect(await h.db.collection<Loose>('u').findOne({ key: 'k' })).toMatchObject({ v: 2, created: true });
    await h.db.collection<Loose>('u').replaceOne({ _id: 2 }, { replaced: true });
    expect(await h.db.collection<Loose>('u').findOne({ _id: 2 })).toEqual({ _id: 2, replaced: true });
    const immutable = await h.db
      .collection<Loose>('u')
      .updateOne({ _id: 2 }, { $set: { _id: 3 } })
      .catch((e: unknown) => e);
    expect(immutable).toMatchObject({ code: 66 });
  });

  it('deletes one or many', async () => {
    await h.db.collection<Loose>('u').insertMany([{ t: 1 }, { t: 1 }, { t: 1 }]);
    expect((await h.db.collection<Loose>('u').deleteOne({ t: 1 })).deletedCount).toBe(1);
    expect((await h.db.collection<Loose>('u').deleteMany({ t: 1 })).deletedCount).toBe(2);
    expect((await h.db.collection<Loose>('missing').deleteMany({})).deletedCount).toBe(0);
  });

  it('reports write errors of a bulk with their index', async () => {
    const error = await h.db
      .collection<Loose>('u')
      .insertMany([{ _id: 10 }, { _id: 1 }, { _id: 11 }], { ordered: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    const bulk = error as MongoBulkWriteError;
    expect(bulk.code).toBe(11000);
    expect(bulk.writeErrors).toHaveLength(1);
    expect(bulk.insertedCount).toBe(2);
  });
});

describe('findAndModify', () => {
  beforeEach(async () => {
    await h.db.collection<Loose>('f').drop();
    await h.db.collection<Loose>('f').insertMany([
      { _id: 1, q: 'x', n: 1 },
      { _id: 2, q: 'x', n: 2 },
    ]);
  });

  it('returns the pre- or post-image of the sorted first match', async () => {
    const before = await h.db
      .collection<Loose>('f')
      .findOneAndUpdate({ q: 'x' }, { $inc: { n: 10 } }, { sort: { n: -1 } });
    expect(before).toEqual({ _id: 2, q: 'x', n: 2 });
    const after = await h.db
      .collection<Loose>('f')
      .findOneAndUpdate(
        { q: 'x' },
        { $inc: { n: 1 } },
        { sort: { n: 1 }, returnDocument: 'after', projection: { n: 1 } },
      );
    expect(after).toEqual({ _id: 1, n: 2 });
  });

  it('upserts, replaces and removes', async () => {
    const upserted = await h.db
      .collection<Loose>('f')
      .findOneAndUpdate({ q: 'new' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
    expect(upserted).toMatchObject({ q: 'new', seq: 1 });
    const replaced = await h.db
      .collection<Loose>('f')
      .findOneAndReplace({ _id: 1 }, { r: 1 }, { returnDocument: 'after' });
    expect(replaced).toEqual({ _id: 1, r: 1 });
    const removed = await h.db.collection<Loose>('f').findOneAndDelete({ _id: 2 });
    expect(removed).toMatchObject({ _id: 2 });
    expect(await h.db.collection<Loose>('f').findOneAndDelete({ _id: 2 })).toBeNull();
    const both = await h.db
      .command({ findAndModify: 'f', remove: true, update: { $set: { a: 1 } } })
      .catch((e: unknown) => e);
    expect(both).toMatchObject({ code: 9 });
  });
});

describe('aggregate, count, distinct', () => {
  beforeAll(async () => {
    await h.db.collection<Loose>('orders').insertMany([
      { _id: 1, user: 'a', total: 10, items: ['x', 'y'] },
      { _id: 2, user: 'b', total: 5, items: ['x'] },
      { _id: 3, user: 'a', total: 7, items: [] },
    ]);
    await h.db.collection<Loose>('users').insertMany([
      { _id: 'a', name: 'Ann' },
      { _id: 'b', name: 'Bob' },
    ]);
  });

  it('runs $match $group $sort $project $lookup $unwind $skip $limit $count', async () => {
    const grouped = await h.db
      .collection<Loose>('orders')
      .aggregate([
        { $match: { total: { $gt: 1 } } },
        { $group: { _id: '$user', sum: { $sum: '$total' } } },
        { $sort: { sum: -1 } },
        { $lookup: { from: 'users', localField: '_id', foreignField: '_id', as: 'user' } },
        { $unwind: '$user' },
        { $project: { _id: 0, name: '$user.name', sum: 1 } },
      ])
      .toArray();
    expect(grouped).toEqual([
      { sum: 17, name: 'Ann' },
      { sum: 5, name: 'Bob' },
    ]);
    const counted = await h.db
      .collection<Loose>('orders')
      .aggregate([{ $unwind: '$items' }, { $skip: 1 }, { $limit: 5 }, { $count: 'n' }])
      .toArray();
    expect(counted).toEqual([{ n: 2 }]);
    const batched = await h.db
      .collection<Loose>('orders')
      .aggregate([{ $sort: { _id: 1 } }], { batchSize: 1 })
      .toArray();
    expect(batched.map((d) => d._id)).toEqual([1, 2, 3]);
  });

  it('counts and lists distinct values', async () => {
    expect(await h.db.collection<Loose>('orders').countDocuments({ user: 'a' })).toBe(2);
    expect(await h.db.collection<Loose>('orders').estimatedDocumentCount()).toBe(3);
    expect((await h.db.command({ count: 'orders', query: { total: { $lt: 8 } } })).n).toBe(2);
    expect((await h.db.collection<Loose>('orders').distinct('user')).sort()).toEqual(['a', 'b']);
    expect((await h.db.collection<Loose>('orders').distinct('items', { user: 'a' })).sort()).toEqual([
      'x',
      'y',
    ]);
  });
});
