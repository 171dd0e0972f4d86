import fs from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { tempDataDir } from './harness.ts';

describe('embedded-mongo on a Unix domain socket', () => {
  it('listens on a 0600 socket the driver reaches through its URL-encoded path, and removes it on close', async () => {
    const dir = tempDataDir('socket');
    const socketPath = path.join(dir, 'mongo.sock');
    const server = await startEmbeddedMongo({ socketPath, dataDir: path.join(dir, 'data') });
    expect(server.uri).toBe(`mongodb://${encodeURIComponent(socketPath)}/?directConnection=true`);
    expect(fs.statSync(socketPath).mode & 0o777).toBe(0o600);
    const client = new MongoClient(server.uri, { serverSelectionTimeoutMS: 5_000 });
    await client.db('t').collection<{ _id: number }>('c').insertOne({ _id: 1 });
    expect(await client.db('t').collection('c').countDocuments()).toBe(1);
    await client.close();
    await server.close();
    expect(fs.existsSync(socketPath)).toBe(false);
  });

  it('replaces a stale socket file and refuses a path longer than the system allows', async () => {
    const dir = tempDataDir('socket-stale');
    const socketPath = path.join(dir, 'mongo.sock');
    fs.writeFileSync(socketPath, 'left over by a crash');
    const server = await startEmbeddedMongo({ socketPath });
    expect(fs.statSync(socketPath).isSocket()).toBe(true);
    await server.close();
    const long = path.join(dir, `${'x'.repeat(120)}.sock`);
    await expect(startEmbeddedMongo({ socketPath: long })).rejects.toThrow(/longer than 107 bytes/);
  });
});
