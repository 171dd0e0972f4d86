import type { ChangeStream, ChangeStreamDocument, Document, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.ts';

let h: Harness;
const streams: ChangeStream[] = [];
beforeAll(async () => {
  h = await startHarness({ replicaSet: 'rs0' });
});
afterAll(async () => {
  for (const stream of streams) await stream.close();
  await h.stop();
});

/** Opens a stream and runs its `aggregate` (watch() is lazy), so later writes are seen. */
async function watching<T extends Document>(open: () => ChangeStream<T>): Promise<ChangeStream<T>> {
  const stream = open();
  streams.push(stream);
  expect(await stream.tryNext()).toBeNull();
  return stream;
}

describe('replica-set mode: the hello of a single-node replica set', () => {
  it('reports the set name, this member as the only host and the writable primary', async () => {
    const hello = await h.db.admin().command({ hello: 1 });
    const me = `127.0.0.1:${h.server.port}`;
    expect(hello).toMatchObject({ setName: 'rs0', hosts: [me], primary: me, me, isWritablePrimary: true });
    expect(hello.secondary).toBe(false);
    expect(h.server.uri).toContain('replicaSet=rs0');
  });
});

describe('replica-set mode: change events through collection.watch()', () => {
  it('reports insert, update, replace and delete with namespace, key and documents', async () => {
    const coll = h.db.collection<{ _id: number; a?: number; b?: Document; z?: number }>('events_crud');
    const stream = await watching(() => coll.watch([], { maxAwaitTimeMS: 100 }));
    await coll.insertOne({ _id: 1, a: 1, b: { c: 1, d: 1 } });
    await coll.updateOne({ _id: 1 }, { $set: { 'b.c': 2 }, $unset: { a: '' } });
    await coll.replaceOne({ _id: 1 }, { z: 9 });
    await coll.deleteOne({ _id: 1 });
    const [insert, update, replace, removal] = [
      await stream.next(),
      await stream.next(),
      await stream.next(),
      await stream.next(),
    ];
    const ns = { db: 'test', coll: 'events_crud' };
    expect(insert).toMatchObject({ operationType: 'insert', ns, documentKey: { _id: 1 } });
    expect((insert as { fullDocument: Document }).fullDocument).toEqual({ _id: 1, a: 1, b: { c: 1, d: 1 } });
    expect(update).toMatchObject({
      operationType: 'update',
      updateDescription: { updatedFields: { 'b.c': 2 }, removedFields: ['a'], truncatedArrays: [] },
    });
    expect('fullDocument' in update).toBe(false);
    expect(replace).toMatchObject({ operationType: 'replace', fullDocument: { _id: 1, z: 9 } });
    expect(removal).toMatchObject({ operationType: 'delete', ns, documentKey: { _id: 1 } });
    const times = [insert, update, replace, removal].map(
      (e) => (e as { clusterTime: { toString(): string } }).clusterTime,
    );
    expect(new Set(times.map(String)).size).toBe(4);
  });

  it('reports a shortened array as truncated and a grown one by its new elements', async () => {
    const coll = h.db.collection<{ _id: number; array: unknown[] }>('events_arrays');
    await coll.insertOne({ _id: 1, array: ['foo', { a: 'bar' }, 1, 2, 3] });
    const stream = await watching(() => coll.watch([], { maxAwaitTimeMS: 100 }));
    await coll.updateOne({ _id: 1 }, [{ $set: { array: ['foo', { a: 'bar' }] } }]);
    await coll.updateOne({ _id: 1 }, { $push: { array: 9 } });
    expect((await stream.next()) as Document).toMatchObject({
      updateDescription: {
        updatedFields: {},
        removedFields: [],
        truncatedArrays: [{ field: 'array', newSize: 2 }],
      },
    });
    expect(((await stream.next()) as Document).updateDescription).toEqual({
      updatedFields: { 'array.2': 9 },
      removedFields: [],
      truncatedArrays: [],
    });
  });

  it('reports a $merge that replaces as replace and one that merges as update', async () => {
    const target = h.db.collection<{ _id: number; v?: number; w?: number }>('events_merge_target');
    await target.insertMany([
      { _id: 1, v: 1, w: 1 },
      { _id: 2, v: 1, w: 1 },
    ]);
    await h.db.collection<{ _id: number }>('events_merge_source').insertMany([{ _id: 1 }, { _id: 2 }]);
    const stream = await watching(() => target.watch([], { maxAwaitTimeMS: 100 }));
    const source = h.db.collection('events_merge_source');
    const into = (whenMatched: string, id: number) => [
      { $match: { _id: id } },
      { $set: { v: 2 } },
      { $merge: { into: 'events_merge_target', whenMatched } },
    ];
    await source.aggregate(into('replace', 1)).toArray();
    await source.aggregate(into('merge', 2)).toArray();
    expect(await stream.next()).toMatchObject({ operationType: 'replace', fullDocument: { _id: 1, v: 2 } });
    expect(await stream.next()).toMatchObject({
      operationType: 'update',
      updateDescription: { updatedFields: { v: 2 }, removedFields: [] },
    });
  });

  it('looks the current document up for an update with fullDocument: updateLookup', async () => {
    const coll = h.db.collection<{ _id: number; n: number }>('events_lookup');
    const stream = await watching(() =>
      coll.watch([], { fullDocument: 'updateLookup', maxAwaitTimeMS: 100 }),
    );
    await coll.insertOne({ _id: 7, n: 1 });
    await coll.updateOne({ _id: 7 }, { $inc: { n: 1 } });
    await stream.next();
    expect(await stream.next()).toMatchObject({ operationType: 'update', fullDocument: { _id: 7, n: 2 } });
  });

  it('applies the stages after $changeStream to each event, and sees only its collection', async () => {
    const coll = h.db.collection<{ _id: number; keep: boolean }>('events_filtered');
    const stream = await watching(() =>
      coll.watch([{ $match: { 'fullDocument.keep': true } }, { $project: { fullDocument: 1 } }], {
        maxAwaitTimeMS: 100,
      }),
    );
    await h.db
      .collection<{ _id: number; keep: boolean }>('events_elsewhere')
      .insertOne({ _id: 1, keep: true });
    await coll.insertMany([
      { _id: 1, keep: false },
      { _id: 2, keep: true },
    ]);
    const change = (await stream.next()) as ChangeStreamDocument & { fullDocument: Document };
    expect(change.fullDocument).toEqual({ _id: 2, keep: true });
    expect(Object.keys(change).sort()).toEqual(['_id', 'fullDocument']);
  });

  it('serves db.watch() over every collection of the database', async () => {
    const stream = await watching(() => h.db.watch([], { maxAwaitTimeMS: 100 }));
    await h.db.collection<{ _id: number }>('events_db_a').insertOne({ _id: 1 });
    await h.db.collection<{ _id: number }>('events_db_b').insertOne({ _id: 2 });
    const colls = [await stream.next(), await stream.next()].map(
      (e) => (e as { ns: { coll: string } }).ns.coll,
    );
    expect(colls).toEqual(['events_db_a', 'events_db_b']);
  });

  it('wakes a waiting getMore when a write arrives (it would otherwise wait past the test timeout)', async () => {
    const coll = h.db.collection<{ _id: number }>('events_wait');
    const hello = await h.db.admin().command({ hello: 1 });
    const stream = coll.watch([], {
      maxAwaitTimeMS: 120_000,
      startAtOperationTime: hello.lastWrite.opTime.ts,
    });
    streams.push(stream);
    const pending = stream.next();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await coll.insertOne({ _id: 1 });
    expect(await pending).toMatchObject({ operationType: 'insert', documentKey: { _id: 1 } });
  });
});

describe('replica-set mode: what $changeStream refuses', () => {
  const run = (pipeline: Document[], extra: Document = {}) =>
    h.db.command({ aggregate: 'events_refused', pipeline, cursor: {}, ...extra });

  it.each([
    ['an unknown option', [{ $changeStream: { fullDocumentt: 'default' } }], 40415],
    ['pre-images', [{ $changeStream: { fullDocumentBeforeChange: 'required' } }], 238],
    ['stored post-images', [{ $changeStream: { fullDocument: 'required' } }], 238],
    ['expanded (DDL) events', [{ $changeStream: { showExpandedEvents: true } }], 238],
    ['a $group stage', [{ $changeStream: {} }, { $group: { _id: null } }], 20],
    ['an unknown stage', [{ $changeStream: {} }, { $unsupported: 'foo' }], 40324],
    [
      'two resume options',
      [{ $changeStream: { resumeAfter: { _data: '82' }, startAtOperationTime: 1 } }],
      40674,
    ],
  ])('refuses %s with MongoDB’s error', async (_name, pipeline, code) => {
    await expect(run(pipeline)).rejects.toMatchObject({ code });
  });

  it.each([
    ['collation', { collation: { locale: 'fr' } }, 238],
    ['let', { let: { x: 1 } }, 238],
    ['an unknown command field', { frobnicate: true }, 40415],
  ])('refuses %s on a change-stream aggregate instead of ignoring it', async (_name, extra, code) => {
    await expect(run([{ $changeStream: {} }], extra)).rejects.toMatchObject({ code });
  });

  it('fails the stream with ChangeStreamFatalError when a stage modifies the resume token', async () => {
    const stream = h.db
      .collection<{ _id: number }>('events_token')
      .watch([{ $project: { _id: 0 } }], { maxAwaitTimeMS: 100 });
    streams.push(stream);
    expect(await stream.tryNext()).toBeNull();
    await h.db.collection<{ _id: number }>('events_token').insertOne({ _id: 1 });
    const error = (await stream.next().catch((e: unknown) => e)) as MongoServerError;
    expect(error.code).toBe(280);
    expect(error.codeName).toBe('ChangeStreamFatalError');
    expect(error.hasErrorLabel('NonResumableChangeStreamError')).toBe(true);
  });
});

describe('standalone mode', () => {
  it('refuses $changeStream as mongod does (40573: replica sets only)', async () => {
    const standalone = await startHarness();
    try {
      await expect(standalone.db.collection('c').watch().tryNext()).rejects.toMatchObject({ code: 40573 });
      expect((await standalone.db.admin().command({ hello: 1 })).setName).toBeUndefined();
    } finally {
      await standalone.stop();
    }
  });
});
