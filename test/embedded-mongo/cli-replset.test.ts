import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runEmbeddedMongoCli, startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('imgate mongo --replset', () => {
  it('serves a single-node replica set of that name until SIGINT', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const running = runEmbeddedMongoCli(['--port', '0', '--replset', 'rs7']);
    for (let i = 0; i < 200 && !lines.some((l) => l.includes('ready')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const uri = /mongodb:\/\/\S+/.exec(lines.find((l) => l.includes('ready')) ?? '')?.[0];
    expect(uri).toContain('replicaSet=rs7');
    const client = new MongoClient(uri as string, { serverSelectionTimeoutMS: 5_000 });
    try {
      expect((await client.db('admin').command({ hello: 1 })).setName).toBe('rs7');
    } finally {
      await client.close();
      process.emit('SIGINT');
      await running;
    }
  });

  it('refuses a set name that could not appear in a connection string', async () => {
    await expect(runEmbeddedMongoCli(['--replset', 'rs 0&x'])).rejects.toThrow(/invalid --replset/);
  });

  it('refuses replica-set mode on a Unix socket, whose path drivers would mangle', async () => {
    await expect(
      startEmbeddedMongo({ replicaSet: 'rs0', socketPath: '/nonexistent/m.sock' }),
    ).rejects.toThrow(/needs a TCP address/);
  });
});
