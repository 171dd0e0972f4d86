import { MongoServerError } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Loose, useHarness } from './harness.ts';

const h = useHarness();
beforeEach(async () => {
  const coll = h.db.collection<Loose>('words');
  await coll.drop();
  await coll.createIndex({ word: 1 });
  await coll.insertMany([
    { _id: 1, word: 'ping' },
    { _id: 2, word: 'PING' },
    { _id: 3, word: 'pîng' },
    { _id: 4, word: 'pong' },
  ]);
});

const caseless = { locale: 'en_US', strength: 2 } as const;

async function code(run: () => Promise<unknown>): Promise<number | undefined> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MongoServerError);
  return (error as MongoServerError).code as number;
}

describe('let variables', () => {
  it('binds $$names in find, update, delete and aggregate', async () => {
    const coll = h.db.collection<Loose>('words');
    const byVar = { $expr: { $eq: ['$_id', '$$id'] } };
    expect(await coll.find(byVar, { let: { id: 4 } }).toArray()).toEqual([{ _id: 4, word: 'pong' }]);
    await coll.updateOne(byVar, [{ $set: { word: '$$w' } }], { let: { id: 1, w: 'pang' } });
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, word: 'pang' });
    expect((await coll.deleteMany(byVar, { let: { id: 2 } })).deletedCount).toBe(1);
    const out = await coll
      .aggregate([{ $match: byVar }, { $project: { _id: 0, n: { $add: ['$_id', '$$k'] } } }], {
        let: { id: 3, k: { $multiply: [2, 5] } },
      })
      .toArray();
    expect(out).toEqual([{ n: 13 }]);
  });

  it('binds them in operator updates too, and reports an undefined one as Location17276', async () => {
    const coll = h.db.collection<Loose>('words');
    const byVar = { $expr: { $eq: ['$_id', '$$id'] } };
    const result = await coll.updateOne(byVar, { $set: { seen: true } }, { let: { id: 4 } });
    expect(result.modifiedCount).toBe(1);
    expect(await coll.findOne({ _id: 4 })).toEqual({ _id: 4, word: 'pong', seen: true });
    expect(await code(() => coll.deleteOne({ $expr: { $eq: ['$_id', '$$nope'] } }))).toBe(17276);
  });

  it('refuses a variable name mongod would refuse', async () => {
    expect(
      await code(() =>
        h.db
          .collection<Loose>('words')
          .find({}, { let: { Bad: 1 } })
          .toArray(),
      ),
    ).toBe(2);
  });
});

describe('collation', () => {
  it('matches case-insensitively at strength 2 and ignores accents too at strength 1', async () => {
    const coll = h.db.collection<Loose>('words');
    const two = await coll.find({ word: 'Ping' }, { collation: caseless }).sort({ _id: 1 }).toArray();
    expect(two.map((d) => d._id)).toEqual([1, 2]);
    const one = await coll.countDocuments({ word: 'PING' }, { collation: { locale: 'fr', strength: 1 } });
    expect(one).toBe(3);
    expect(await coll.countDocuments({ word: 'Ping' })).toBe(0);
    expect(await coll.distinct('word', { _id: { $lte: 2 } }, { collation: caseless })).toEqual(['ping']);
  });

  it('updates and deletes what the collation matches', async () => {
    const coll = h.db.collection<Loose>('words');
    const updated = await coll.updateMany(
      { word: 'PING' },
      { $set: { seen: true } },
      { collation: caseless },
    );
    expect([updated.matchedCount, updated.modifiedCount]).toEqual([2, 2]);
    expect((await coll.deleteOne({ word: 'PONG' }, { collation: caseless })).deletedCount).toBe(1);
    const before = await coll.findOneAndUpdate(
      { word: 'PiNg' },
      { $set: { n: 1 } },
      { collation: caseless, sort: { _id: -1 } },
    );
    expect(before?._id).toBe(2);
  });

  it('sorts strings in the locale order', async () => {
    const coll = h.db.collection<Loose>('words');
    await coll.insertOne({ _id: 5, word: 'Apple' });
    const sorted = await coll
      .find({}, { collation: { locale: 'en' } })
      .sort({ word: 1 })
      .toArray();
    expect(sorted[0]?._id).toBe(5);
    const binary = await coll.find({}).sort({ word: 1 }).toArray();
    expect(binary[0]?._id).toBe(5);
    expect(binary.map((d) => d.word)).toEqual(['Apple', 'PING', 'ping', 'pong', 'pîng']);
    expect(sorted.map((d) => d.word)).toEqual(['Apple', 'ping', 'PING', 'pîng', 'pong']);
  });

  it('refuses what folding cannot do exactly, an invalid locale, and unknown options', async () => {
    const coll = h.db.collection<Loose>('words');
    expect(await code(() => coll.find({ word: { $gt: 'P' } }, { collation: caseless }).toArray())).toBe(238);
    expect(await code(() => coll.find({ word: /p/ }, { collation: caseless }).toArray())).toBe(238);
    expect(
      await code(() => coll.aggregate([{ $group: { _id: '$word' } }], { collation: caseless }).toArray()),
    ).toBe(238);
    expect(await code(() => coll.find({}, { collation: { locale: 'xx_nowhere' } }).toArray())).toBe(2);
    expect(
      await code(() => coll.find({}, { collation: { locale: 'en', numericOrdering: true } }).toArray()),
    ).toBe(238);
    expect(
      await code(() => coll.find({}, { collation: { locale: 'en', colour: 1 } as never }).toArray()),
    ).toBe(40415);
    expect(await coll.find({ word: 'ping' }, { collation: { locale: 'simple' } }).toArray()).toHaveLength(1);
  });
});
