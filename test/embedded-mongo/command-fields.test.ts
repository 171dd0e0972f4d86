import { MongoServerError } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Loose, useHarness } from './harness.ts';

const h = useHarness();
beforeEach(async () => {
  await h.db.collection<Loose>('fields').drop();
  await h.db.collection<Loose>('fields').insertMany([
    { _id: 1, x: 1 },
    { _id: 2, x: 2 },
  ]);
});

async function failure(run: () => Promise<unknown>): Promise<MongoServerError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MongoServerError);
  return error as MongoServerError;
}

describe('command fields', () => {
  it('refuses an unknown command field as mongod does (Location40415)', async () => {
    const error = await failure(() => h.db.command({ find: 'fields', filter: {}, bogus: 1 }));
    expect(error.code).toBe(40415);
    expect(error.message).toBe("BSON field 'find.bogus' is an unknown field.");
  });

  it('refuses a field mongod knows but the embedded server does not implement, naming it', async () => {
    const error = await failure(() => h.db.command({ find: 'fields', filter: {}, min: { x: 1 } }));
    expect(error.code).toBe(238);
    expect(error.codeName).toBe('NotImplemented');
    expect(error.message).toContain("'find.min'");
  });

  it('applies the update sort option (MongoDB 8.0) to the one document it picks', async () => {
    const info = await h.db.admin().command({ buildInfo: 1 });
    expect(info.version).toMatch(/^8\.0\./);
    const coll = h.db.collection<Loose>('fields');
    const updated = await coll.updateOne({}, { $set: { y: 1 } }, { sort: { x: -1 } });
    expect(updated).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    await coll.replaceOne({}, { x: 10 }, { sort: { x: 1 } });
    expect(await coll.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, x: 10 },
      { _id: 2, x: 2, y: 1 },
    ]);
    const multi = await failure(() =>
      h.db.command({
        update: 'fields',
        updates: [{ q: {}, u: { $set: { z: 1 } }, multi: true, sort: { x: 1 } }],
      }),
    );
    expect(multi.code).toBe(9);
    expect(multi.message).toBe('Cannot specify sort with multi=true');
    expect(await coll.countDocuments({ z: 1 })).toBe(0);
  });

  it('answers BadValue for a hint that names no index, and accepts existing ones', async () => {
    const coll = h.db.collection<Loose>('fields');
    expect((await failure(() => coll.find({}, { hint: 'nope_1' }).toArray())).code).toBe(2);
    expect((await failure(() => coll.deleteOne({ _id: 1 }, { hint: { nope: 1 } }))).code).toBe(2);
    expect((await failure(() => coll.countDocuments({}, { hint: 'nope_1' }))).code).toBe(2);
    expect(await coll.find({ x: 2 }, { hint: { _id: 1 } }).toArray()).toEqual([{ _id: 2, x: 2 }]);
    expect(await coll.find({}, { hint: '_id_' }).toArray()).toHaveLength(2);
    expect(await coll.countDocuments({}, { hint: { $natural: 1 } })).toBe(2);
  });

  it('refuses create with document validation and collMod options instead of ignoring them', async () => {
    const validated = await failure(() =>
      h.db.createCollection('checked', { validator: { x: { $type: 'string' } } }),
    );
    expect(validated.code).toBe(238);
    expect(validated.message).toContain("'create.validator'");
    expect((await h.db.listCollections({ name: 'checked' }).toArray()).length).toBe(0);
    const mod = await failure(() =>
      h.db.command({ collMod: 'fields', validator: { x: { $type: 'string' } } }),
    );
    expect(mod.code).toBe(238);
    expect(await h.db.command({ collMod: 'fields' })).toMatchObject({ ok: 1 });
    expect((await failure(() => h.db.command({ collMod: 'missing' }))).code).toBe(26);
  });
});

describe('update rules', () => {
  it('answers ConflictingUpdateOperators (40) for two operators on one path or a path and its parent', async () => {
    const coll = h.db.collection<Loose>('fields');
    const same = await failure(() => coll.updateOne({ _id: 1 }, { $set: { x: 5 }, $inc: { x: 1 } }));
    expect(same.code).toBe(40);
    const parent = await failure(() => coll.updateOne({ _id: 1 }, { $set: { a: { b: 1 }, 'a.b': 2 } }));
    expect(parent.code).toBe(40);
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, x: 1 });
  });

  it('refuses $-prefixed field names inside _id (52), on insert and on upsert', async () => {
    const coll = h.db.collection<Loose>('fields');
    const inserted = await failure(() => coll.insertOne({ _id: { $a: 1 } } as unknown as Loose));
    expect(inserted.code).toBe(52);
    const upserted = await failure(() =>
      coll.replaceOne({ x: 99 }, { _id: { nested: { $b: 1 } } }, { upsert: true }),
    );
    expect(upserted.code).toBe(52);
    expect(await coll.countDocuments()).toBe(2);
  });
});

describe('index options', () => {
  it('refuses index options it does not implement instead of dropping them', async () => {
    const coll = h.db.collection<Loose>('fields');
    const ttl = await failure(() => coll.createIndex({ x: 1 }, { expireAfterSeconds: 60 }));
    expect(ttl.code).toBe(238);
    expect(ttl.message).toContain("'expireAfterSeconds'");
    const bogus = await failure(() =>
      h.db.command({ createIndexes: 'fields', indexes: [{ key: { x: 1 }, name: 'x', colour: 1 }] }),
    );
    expect(bogus.code).toBe(197);
    expect((await coll.indexes()).map((index) => index.name)).toEqual(['_id_']);
    await coll.createIndex({ x: 1 }, { unique: true, sparse: true, name: 'x_u' });
    expect((await coll.indexes()).map((index) => index.name)).toEqual(['_id_', 'x_u']);
  });
});

describe('transactions', () => {
  it('are refused instead of applying their writes at once', async () => {
    const session = h.client.startSession();
    try {
      const error = await failure(() =>
        session.withTransaction(async () => {
          await h.db.collection<Loose>('fields').insertOne({ _id: 3, x: 3 }, { session });
        }),
      );
      expect(error.code).toBe(238);
      expect(error.message).toContain('transactions');
      expect(await h.db.collection<Loose>('fields').countDocuments()).toBe(2);
    } finally {
      await session.endSession();
    }
  });
});
