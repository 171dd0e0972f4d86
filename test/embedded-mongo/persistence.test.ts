import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Loose, startHarness, tempDataDir } from './harness.ts';

function journalFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.startsWith('journal-'));
}

describe('persistence', () => {
  it('keeps data, indexes and capped options across a restart', async () => {
    const dataDir = tempDataDir('restart');
    const first = await startHarness({ dataDir });
    const c = first.db.collection<Loose>('m');
    await c.createIndex({ k: 1 }, { unique: true });
    await c.insertMany(Array.from({ length: 100 }, (_, i) => ({ _id: i, k: i, v: 'x' })));
    await c.updateOne({ _id: 5 }, { $set: { v: 'changed' } });
    await c.deleteOne({ _id: 6 });
    await first.db.createCollection('ring', { capped: true, size: 4096, max: 2 });
    await first.stop();

    const second = await startHarness({ dataDir });
    const again = second.db.collection<Loose>('m');
    expect(await again.countDocuments()).toBe(99);
    expect(await again.findOne({ _id: 5 })).toEqual({ _id: 5, k: 5, v: 'changed' });
    expect(await again.findOne({ _id: 6 })).toBeNull();
    expect(await again.insertOne({ k: 7 }).catch((e: unknown) => e)).toMatchObject({ code: 11000 });
    const ring = await second.db.listCollections({ name: 'ring' }, { nameOnly: false }).toArray();
    expect(ring[0]?.options).toMatchObject({ capped: true, max: 2 });
    await second.stop();
  });

  it('replays the journal without a clean shutdown and compacts into a snapshot', async () => {
    const dataDir = tempDataDir('journal');
    const first = await startHarness({ dataDir });
    await first.db.collection<Loose>('j').insertMany([{ _id: 1 }, { _id: 2 }]);
    // Copy the directory as a crash would leave it: journal written, no snapshot yet.
    const crashed = tempDataDir('journal-copy');
    for (const name of journalFiles(dataDir))
      fs.copyFileSync(path.join(dataDir, name), path.join(crashed, name));
    await first.stop();
    expect(fs.existsSync(path.join(dataDir, 'snapshot.bin'))).toBe(true);

    const replayed = await startHarness({ dataDir: crashed });
    expect(await replayed.db.collection<Loose>('j').countDocuments()).toBe(2);
    await replayed.stop();
  });

  it('drops a torn last record (garbage or truncation) and keeps the earlier ones', async () => {
    for (const damage of ['garbage', 'truncate'] as const) {
      const dataDir = tempDataDir(`torn-${damage}`);
      const source = await startHarness({ dataDir });
      const c = source.db.collection<Loose>('t');
      for (let i = 1; i <= 3; i++) await c.insertOne({ _id: i, body: 'y'.repeat(50) });
      const torn = tempDataDir(`torn-${damage}-copy`);
      const [journal] = journalFiles(dataDir);
      const target = path.join(torn, journal as string);
      fs.copyFileSync(path.join(dataDir, journal as string), target);
      await source.stop();
      if (damage === 'garbage') fs.appendFileSync(target, Buffer.from([40, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7]));
      else fs.truncateSync(target, fs.statSync(target).size - 10);

      const reopened = await startHarness({ dataDir: torn });
      const ids = (await reopened.db.collection<Loose>('t').find().toArray()).map((d) => d._id);
      expect(ids).toEqual(damage === 'garbage' ? [1, 2, 3] : [1, 2]);
      await reopened.db.collection<Loose>('t').insertOne({ _id: 9 });
      await reopened.stop();
      const third = await startHarness({ dataDir: torn });
      expect(await third.db.collection<Loose>('t').countDocuments()).toBe(damage === 'garbage' ? 4 : 3);
      await third.stop();
    }
  });

  it('keeps every acknowledged write when the process is killed with SIGKILL', async () => {
    const dataDir = tempDataDir('crash');
    const fixture = path.join(import.meta.dirname, 'fixtures', 'crash-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('crash writer made no progress')), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) if (/^\d+$/.test(line)) acked.push(Number(line));
        if (acked.length >= 400 && !child.killed) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error('crash writer exited early')));
    });
    await new Promise((resolve) => child.once('close', resolve));

    const after = await startHarness({ dataDir }, 'crash');
    const messages = after.db.collection<Loose>('messages');
    const present = new Set(
      (await messages.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id),
    );
    const missing = acked.filter((id) => !present.has(id));
    expect(missing).toEqual([]);
    const singles = await messages.find({ chatId: { $ne: 'batch' } }).toArray();
    for (const doc of singles) expect(doc.body).toBe('x'.repeat((doc._id as number) % 300));
    expect((await messages.listIndexes().toArray()).map((i) => i.name)).toContain('chatId_1_seq_1');
    await after.stop();
  });
});
