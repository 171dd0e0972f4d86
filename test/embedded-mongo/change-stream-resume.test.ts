import {
  type ChangeStream,
  type CommandStartedEvent,
  type Document,
  MongoClient,
  type MongoServerError,
} from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedMongo, startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';

let server: EmbeddedMongo;
let client: MongoClient;
const aggregates: Document[] = [];
const streams: ChangeStream[] = [];
beforeAll(async () => {
  server = await startEmbeddedMongo({ replicaSet: 'rs0' });
  client = new MongoClient(server.uri, { monitorCommands: true, serverSelectionTimeoutMS: 5_000 });
  client.on('commandStarted', (event: CommandStartedEvent) => {
    if (event.commandName === 'aggregate') aggregates.push(event.command);
  });
  await client.connect();
});
afterAll(async () => {
  for (const stream of streams) await stream.close();
  await client.close();
  await server.close();
});

const db = () => client.db('resume');
const coll = (name: string) => db().collection<{ _id: number; big?: string }>(name);

function watch(name: string, options: Document = {}): ChangeStream<{ _id: number }> {
  const stream = db()
    .collection<{ _id: number }>(name)
    .watch([], { maxAwaitTimeMS: 100, ...options });
  streams.push(stream);
  return stream;
}

async function ids(stream: ChangeStream<{ _id: number }>, count: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let i = 0; i < count; i++)
    out.push(((await stream.next()) as { documentKey: { _id: unknown } }).documentKey._id);
  return out;
}

/** One insert; a connection the server dropped fails its first use, so one retry is allowed. */
async function insertAfterDrop(name: string, doc: { _id: number }): Promise<void> {
  await coll(name)
    .insertOne(doc)
    .catch(() => coll(name).insertOne(doc));
}

describe('replica-set mode: resuming change streams', () => {
  it('resumes after an event’s token (resumeAfter and startAfter) with no loss and no duplicate', async () => {
    const first = watch('tokens');
    expect(await first.tryNext()).toBeNull();
    await coll('tokens').insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }]);
    const one = await first.next();
    await first.close();
    await coll('tokens').insertOne({ _id: 4 });
    expect(await ids(watch('tokens', { resumeAfter: one._id }), 3)).toEqual([2, 3, 4]);
    expect(await ids(watch('tokens', { startAfter: one._id }), 3)).toEqual([2, 3, 4]);
  });

  it('starts at an operation time, that write included (startAtOperationTime)', async () => {
    await coll('times').insertMany([{ _id: 1 }, { _id: 2 }]);
    const { lastWrite } = await db().admin().command({ hello: 1 });
    await coll('times').insertOne({ _id: 3 });
    expect(await ids(watch('times', { startAtOperationTime: lastWrite.opTime.ts }), 2)).toEqual([2, 3]);
  });

  it('advances a quiet stream’s token past other collections’ writes (postBatchResumeToken)', async () => {
    const quiet = watch('quiet');
    expect(await quiet.tryNext()).toBeNull();
    const before = quiet.resumeToken;
    await coll('noisy').insertMany([{ _id: 1 }, { _id: 2 }]);
    expect(await quiet.tryNext()).toBeNull();
    expect(quiet.resumeToken).not.toEqual(before);
    await coll('quiet').insertOne({ _id: 9 });
    expect(await ids(watch('quiet', { resumeAfter: quiet.resumeToken }), 1)).toEqual([9]);
  });

  it('resumes by itself when the connection of a waiting getMore drops, after the last event seen', async () => {
    const { lastWrite } = await db().admin().command({ hello: 1 });
    const stream = watch('dropped', { maxAwaitTimeMS: 120_000, startAtOperationTime: lastWrite.opTime.ts });
    await coll('dropped').insertOne({ _id: 1 });
    const one = await stream.next();
    const aggregatesBefore = aggregates.length;
    const pending = ids(stream, 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.dropConnections();
    await insertAfterDrop('dropped', { _id: 2 });
    await insertAfterDrop('dropped', { _id: 3 });
    expect(await pending).toEqual([2, 3]);
    const [resumed] = aggregates.slice(aggregatesBefore);
    expect(resumed?.pipeline[0].$changeStream.resumeAfter).toEqual(one._id);
  });

  it('refuses a token from another server start with ChangeStreamHistoryLost (286)', async () => {
    const other = await startEmbeddedMongo({ replicaSet: 'rs0' });
    const otherClient = new MongoClient(other.uri);
    try {
      const stream = otherClient
        .db('resume')
        .collection<{ _id: number }>('x')
        .watch([], { maxAwaitTimeMS: 100 });
      expect(await stream.tryNext()).toBeNull();
      await otherClient.db('resume').collection<{ _id: number }>('x').insertOne({ _id: 1 });
      const foreign = (await stream.next())._id;
      await stream.close();
      await expect(watch('x', { resumeAfter: foreign }).tryNext()).rejects.toMatchObject({ code: 286 });
    } finally {
      await otherClient.close();
      await other.close();
    }
  });

  it('refuses a token whose position has rolled off the retained change log (286)', async () => {
    const stream = watch('rolled');
    expect(await stream.tryNext()).toBeNull();
    await coll('rolled').insertOne({ _id: 0 });
    const oldest = (await stream.next())._id;
    await stream.close();
    const big = 'x'.repeat(1024 * 1024);
    for (let i = 1; i <= 34; i++) await coll('rolled').insertOne({ _id: i, big });
    const error = (await watch('rolled', { resumeAfter: oldest })
      .tryNext()
      .catch((e: unknown) => e)) as MongoServerError;
    expect(error.code).toBe(286);
    expect(error.codeName).toBe('ChangeStreamHistoryLost');
    expect(error.hasErrorLabel('NonResumableChangeStreamError')).toBe(true);
  });
});
