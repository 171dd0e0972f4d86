import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { mongoTarget } from '../../src/cli/embedded-store.ts';
import { loadConfig } from '../../src/config/index.ts';

const run = promisify(execFile);
const logger = pino({ level: 'silent' });
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imgate-socket-'));
  made.push(dir);
  return dir;
}

/** Whether a process running as `nobody` can connect to the socket (only meaningful as root). */
async function nobodyConnects(socketPath: string): Promise<string> {
  const script = `require('node:net').connect(${JSON.stringify(socketPath)})
    .on('connect', () => { console.log('connected'); process.exit(0); })
    .on('error', (e) => { console.log(e.code); process.exit(0); });`;
  const { stdout } = await run(process.execPath, ['-e', script], { uid: 65534, gid: 65534 });
  return stdout.trim();
}

describe('the embedded store of the gateway', () => {
  it('listens on a 0600 Unix socket in DATA_DIR/run (0700), not on TCP, and the driver works through it', async () => {
    const dataDir = tempDir();
    const target = await mongoTarget(loadConfig({ DATA_DIR: dataDir }), logger);
    const socketPath = path.join(dataDir, 'run', 'mongo.sock');
    try {
      expect(target.uri).toBe(`mongodb://${encodeURIComponent(socketPath)}/?directConnection=true`);
      expect(fs.statSync(socketPath).isSocket()).toBe(true);
      expect(fs.statSync(socketPath).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(socketPath)).mode & 0o777).toBe(0o700);
      const client = new MongoClient(target.uri, { serverSelectionTimeoutMS: 5_000 });
      await client
        .db('imgate')
        .collection('probe')
        .insertOne({ _id: 1 } as never);
      expect(await client.db('imgate').collection('probe').countDocuments()).toBe(1);
      await client.close();
      if (process.getuid?.() === 0) expect(await nobodyConnects(socketPath)).toBe('EACCES');
    } finally {
      await target.close();
    }
    expect(fs.existsSync(socketPath)).toBe(false);
  });

  it('in memory mode uses a private temporary directory and removes it on close', async () => {
    const target = await mongoTarget(loadConfig({ DATA_DIR: 'memory' }), logger);
    const socketPath = decodeURIComponent(/^mongodb:\/\/([^/]+)\//.exec(target.uri)?.[1] ?? '');
    expect(socketPath.startsWith(os.tmpdir())).toBe(true);
    expect(fs.statSync(socketPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(socketPath)).mode & 0o777).toBe(0o700);
    await target.close();
    expect(fs.existsSync(path.dirname(socketPath))).toBe(false);
  });
});
