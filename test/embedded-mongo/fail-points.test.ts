import { MongoClient, MongoServerError } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, type Loose, startHarness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('failCommand fail point (test commands)', () => {
  it('does not exist unless the server was started with enableTestCommands', async () => {
    h = await startHarness();
    const error = await failure(() =>
      h!.client.db('admin').command({
        configureFailPoint: 'failCommand',
        mode: 'alwaysOn',
        data: { failCommands: ['find'], errorCode: 8 },
      }),
    );
    expect((error as MongoServerError).code).toBe(59);
    expect(await h.db.collection<Loose>('fp').find().toArray()).toEqual([]);
  });

  it('fails the next N listed commands with the code and labels, then lets them through', async () => {
    h = await startHarness({ enableTestCommands: true });
    // The driver would retry a RetryableWriteError once and succeed: this test needs it not to.
    const client = new MongoClient(h.server.uri, { retryWrites: false });
    try {
      const coll = client.db('test').collection<Loose>('fp');
      await h.client.db('admin').command({
        configureFailPoint: 'failCommand',
        mode: { times: 1 },
        data: { failCommands: ['insert'], errorCode: 91, errorLabels: ['RetryableWriteError'] },
      });
      const error = await failure(() => coll.insertOne({ _id: 1 }));
      expect(error).toBeInstanceOf(MongoServerError);
      expect((error as MongoServerError).code).toBe(91);
      expect((error as MongoServerError).codeName).toBe('ShutdownInProgress');
      expect((error as MongoServerError).hasErrorLabel('RetryableWriteError')).toBe(true);
      expect(await coll.countDocuments()).toBe(0);
      await coll.insertOne({ _id: 2 });
      expect(await coll.countDocuments()).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('closes the connection, adds a write concern error, and is switched off with mode off', async () => {
    h = await startHarness({ enableTestCommands: true });
    const admin = h.client.db('admin');
    // Without retries, so the driver reports what the server did instead of trying again.
    const client = new MongoClient(h.server.uri, { retryWrites: false, retryReads: false });
    try {
      await admin.command({
        configureFailPoint: 'failCommand',
        mode: { times: 1 },
        data: { failCommands: ['count'], closeConnection: true },
      });
      const closed = await failure(() => client.db('test').collection<Loose>('fp').estimatedDocumentCount());
      expect(closed).toBeInstanceOf(Error);
      expect(closed).not.toBeInstanceOf(MongoServerError);
      await admin.command({
        configureFailPoint: 'failCommand',
        mode: 'alwaysOn',
        data: {
          failCommands: ['insert'],
          writeConcernError: { code: 64, errmsg: 'waiting for replication timed out' },
        },
      });
      const wce = await failure(() => client.db('test').collection<Loose>('fp').insertOne({ _id: 3 }));
      expect((wce as MongoServerError).code).toBe(64);
      await admin.command({ configureFailPoint: 'failCommand', mode: 'off' });
      await client.db('test').collection<Loose>('fp').insertOne({ _id: 4 });
      expect(await client.db('test').collection<Loose>('fp').countDocuments()).toBe(2);
    } finally {
      await client.close();
    }
  });

  it('refuses fail points and options it does not implement', async () => {
    h = await startHarness({ enableTestCommands: true });
    const admin = h.client.db('admin');
    const other = await failure(() =>
      admin.command({ configureFailPoint: 'hangBeforeCommit', mode: 'alwaysOn' }),
    );
    expect((other as MongoServerError).code).toBe(238);
    const option = await failure(() =>
      admin.command({
        configureFailPoint: 'failCommand',
        mode: 'alwaysOn',
        data: { failCommands: ['find'], namespace: 'x.y' },
      }),
    );
    expect((option as MongoServerError).code).toBe(238);
  });
});
