import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.ts';

const h = useHarness();

describe('handshake and server commands', () => {
  it('answers hello, ping, buildInfo and the diagnostics tools ask for', async () => {
    const admin = h.client.db('admin');
    const hello = await admin.command({ hello: 1 });
    expect(hello).toMatchObject({ ok: 1, isWritablePrimary: true, maxWireVersion: 25 });
    expect(await admin.command({ isMaster: 1 })).toMatchObject({ ismaster: true });
    expect(await admin.command({ ping: 1 })).toEqual({ ok: 1 });
    expect((await admin.command({ buildInfo: 1 })).version).toBe('8.0.0');
    for (const name of ['getParameter', 'connectionStatus', 'hostInfo', 'serverStatus', 'getCmdLineOpts']) {
      expect((await admin.command({ [name]: 1 })).ok).toBe(1);
    }
    expect((await admin.command({ getLog: 'startupWarnings' })).log).toEqual([]);
  });

  it('ends sessions that the driver opened', async () => {
    const session = h.client.startSession();
    await h.db.collection('sessions').insertOne({ a: 1 }, { session });
    await session.endSession();
    expect(await h.db.collection('sessions').countDocuments({}, {})).toBe(1);
  });

  it('rejects an unknown command with CommandNotFound (59)', async () => {
    const error = await h.db.command({ frobnicate: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({
      code: 59,
      codeName: 'CommandNotFound',
      errmsg: "no such command: 'frobnicate'",
    });
  });

  it('rejects bad argument types with TypeMismatch (14) and bad values with BadValue (2)', async () => {
    const typed = await h.db.command({ find: 'x', filter: [1] }).catch((e: unknown) => e);
    expect(typed).toMatchObject({ code: 14, codeName: 'TypeMismatch' });
    const negative = await h.db.command({ find: 'x', skip: -1 }).catch((e: unknown) => e);
    expect(negative).toMatchObject({ code: 2, codeName: 'BadValue' });
    const missing = await h.db.command({ insert: 'x' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 40414 });
    const bad = await h.db.command({ find: 5 }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 73 });
  });

  it('lists databases and drops one', async () => {
    const other = h.client.db('other');
    await other.collection('c').insertOne({ x: 1 });
    const names = (await h.client.db('admin').admin().listDatabases()).databases.map((d) => d.name);
    expect(names).toContain('other');
    expect(await other.dropDatabase()).toBe(true);
    const after = (await h.client.db('admin').admin().listDatabases({ nameOnly: true })).databases.map(
      (d) => d.name,
    );
    expect(after).not.toContain('other');
  });
});
