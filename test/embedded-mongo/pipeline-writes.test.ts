import { MongoServerError } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Loose, useHarness } from './harness.ts';

const h = useHarness();
beforeEach(async () => {
  for (const name of ['src', 'dst']) await h.db.collection<Loose>(name).drop();
  await h.db.collection<Loose>('src').insertMany([
    { _id: 1, x: 1 },
    { _id: 2, x: 2 },
    { _id: 3, x: 3 },
  ]);
});

describe('$out and $merge', () => {
  it('$out replaces the target with the results and keeps its indexes', async () => {
    const dst = h.db.collection<Loose>('dst');
    await dst.insertOne({ _id: 99, old: true });
    await dst.createIndex({ x: 1 }, { unique: true });
    const cursor = await h.db
      .collection<Loose>('src')
      .aggregate([{ $match: { x: { $gt: 1 } } }, { $out: 'dst' }])
      .toArray();
    expect(cursor).toEqual([]);
    expect(await dst.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 2, x: 2 },
      { _id: 3, x: 3 },
    ]);
    expect((await dst.indexes()).map((index) => index.name)).toContain('x_1');
  });

  it('$merge merges matches, inserts the rest, and honours whenMatched/whenNotMatched', async () => {
    const dst = h.db.collection<Loose>('dst');
    await dst.insertMany([
      { _id: 1, y: 'kept' },
      { _id: 7, y: 'other' },
    ]);
    await h.db
      .collection<Loose>('src')
      .aggregate([{ $merge: { into: 'dst' } }])
      .toArray();
    expect(await dst.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, y: 'kept', x: 1 },
      { _id: 2, x: 2 },
      { _id: 3, x: 3 },
      { _id: 7, y: 'other' },
    ]);
    await h.db
      .collection<Loose>('src')
      .aggregate([
        {
          $merge: {
            into: 'dst',
            whenMatched: [{ $set: { x: { $add: ['$x', '$$new.x'] } } }],
            whenNotMatched: 'discard',
          },
        },
      ])
      .toArray();
    expect(await dst.findOne({ _id: 3 })).toEqual({ _id: 3, x: 6 });
    const error = await h.db
      .collection<Loose>('src')
      .aggregate([{ $merge: { into: 'dst', whenMatched: 'fail' } }])
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(11000);
    expect((error as MongoServerError).errorResponse.keyValue).toEqual({ _id: 1 });
  });

  it('refuses $out anywhere but last', async () => {
    const error = await h.db
      .collection<Loose>('src')
      .aggregate([{ $out: 'dst' }, { $match: {} }])
      .toArray()
      .catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(40601);
  });
});

describe('$listLocalSessions', () => {
  it('lists the sessions the server has seen, on admin only', async () => {
    const session = h.client.startSession();
    await h.db.collection<Loose>('src').findOne({}, { session });
    const sessions = await h.client
      .db('admin')
      .aggregate([{ $listLocalSessions: {} }])
      .toArray();
    const ids = sessions.map((s) => (s._id as { id: { toString(e: string): string } }).id.toString('hex'));
    expect(ids).toContain((session.id?.id as { toString(e: string): string }).toString('hex'));
    expect(sessions[0]).toHaveProperty('lastUse');
    await session.endSession();
    const error = await h.db
      .aggregate([{ $listLocalSessions: {} }])
      .toArray()
      .catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(50890);
  });
});
