import fs from 'node:fs';
import { MongoServerError } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Loose, startHarness, tempDataDir, useHarness } from './harness.ts';

const h = useHarness();
beforeEach(async () => {
  for (const name of ['base', 'big', 'bigger']) await h.db.collection<Loose>(name).drop();
  await h.db
    .collection<Loose>('base')
    .insertMany([1, 2, 3, 4].map((i) => ({ _id: i, x: i * 10, tag: i % 2 ? 'odd' : 'even' })));
  await h.db.createCollection('big', { viewOn: 'base', pipeline: [{ $match: { x: { $gt: 15 } } }] });
});

async function code(run: () => Promise<unknown>): Promise<number> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MongoServerError);
  return (error as MongoServerError).code as number;
}

describe('views', () => {
  it('serve find, count, distinct and aggregate through the view pipeline', async () => {
    const view = h.db.collection<Loose>('big');
    expect(
      await view
        .find({ tag: 'even' }, { projection: { _id: 1 } })
        .sort({ _id: -1 })
        .toArray(),
    ).toEqual([{ _id: 4 }, { _id: 2 }]);
    expect(await view.estimatedDocumentCount()).toBe(3);
    expect(await view.countDocuments({ tag: 'odd' })).toBe(1);
    expect(await view.distinct('tag')).toEqual(['even', 'odd']);
    expect(await view.aggregate([{ $group: { _id: null, total: { $sum: '$x' } } }]).toArray()).toEqual([
      { _id: null, total: 90 },
    ]);
    await h.db.collection<Loose>('base').insertOne({ _id: 5, x: 50, tag: 'odd' });
    expect(await view.countDocuments()).toBe(4);
  });

  it('resolve views on views, and $lookup reads them', async () => {
    await h.db.createCollection('bigger', { viewOn: 'big', pipeline: [{ $match: { x: { $gt: 25 } } }] });
    expect((await h.db.collection<Loose>('bigger').find().toArray()).map((d) => d._id)).toEqual([3, 4]);
    const joined = await h.db
      .collection<Loose>('base')
      .aggregate([
        { $match: { _id: 1 } },
        { $lookup: { from: 'bigger', localField: 'tag', foreignField: 'tag', as: 'same' } },
      ])
      .toArray();
    expect((joined[0]?.same as Loose[]).map((d) => d._id)).toEqual([3]);
  });

  it('are listed as views and refuse writes, indexes and a collation override', async () => {
    const [info] = await h.db.listCollections({ name: 'big' }).toArray();
    expect(info).toMatchObject({
      type: 'view',
      options: { viewOn: 'base', pipeline: [{ $match: { x: { $gt: 15 } } }] },
      info: { readOnly: true },
    });
    const view = h.db.collection<Loose>('big');
    expect(await code(() => view.insertOne({ _id: 9 }))).toBe(166);
    expect(await code(() => view.updateOne({}, { $set: { y: 1 } }))).toBe(166);
    expect(await code(() => view.deleteMany({}))).toBe(166);
    expect(await code(() => view.findOneAndDelete({}))).toBe(166);
    expect(await code(() => view.createIndex({ x: 1 }))).toBe(166);
    expect(await code(() => view.indexes())).toBe(166);
    expect(
      await code(() =>
        h.db
          .collection<Loose>('base')
          .aggregate([{ $out: 'big' }])
          .toArray(),
      ),
    ).toBe(166);
    expect(await code(() => view.find({}, { collation: { locale: 'en', strength: 2 } }).toArray())).toBe(167);
    expect(await h.db.collection<Loose>('base').countDocuments()).toBe(4);
    expect(await h.db.dropCollection('big')).toBe(true);
    expect(await h.db.listCollections({ name: 'big' }).toArray()).toEqual([]);
  });

  it('refuse a definition with $out or capped options', async () => {
    expect(
      await code(() => h.db.createCollection('bad', { viewOn: 'base', pipeline: [{ $out: 'x' }] })),
    ).toBe(2);
    expect(await code(() => h.db.createCollection('bad', { viewOn: 'base', capped: true, size: 4096 }))).toBe(
      72,
    );
  });

  it('survive a restart (the definition is stored with the catalog)', async () => {
    const dataDir = tempDataDir('views');
    try {
      const first = await startHarness({ dataDir });
      await first.db.collection<Loose>('base').insertMany([
        { _id: 1, x: 1 },
        { _id: 2, x: 20 },
      ]);
      await first.db.createCollection('big', { viewOn: 'base', pipeline: [{ $match: { x: { $gt: 15 } } }] });
      await first.stop();
      const second = await startHarness({ dataDir });
      expect(await second.db.collection<Loose>('big').find().toArray()).toEqual([{ _id: 2, x: 20 }]);
      await second.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
