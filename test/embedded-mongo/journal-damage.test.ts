import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scanRecords } from '../../src/embedded-mongo/storage/record-scan.ts';
import { type Loose, startHarness, tempDataDir } from './harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** 100 acknowledged single inserts, left as a crash leaves them: journal written, no snapshot. */
async function crashedDir(label: string): Promise<{ dir: string; journal: string }> {
  const live = tempDataDir(`${label}-live`);
  const first = await startHarness({ dataDir: live });
  const chats = first.db.collection<Loose>('chats');
  await chats.insertOne({ _id: 'chat', name: 'the chat' });
  const messages = first.db.collection<Loose>('messages');
  for (let i = 1; i <= 100; i += 1) await messages.insertOne({ _id: i, chatId: 'chat', text: `m${i}` });
  const dir = tempDataDir(label);
  const [name] = fs.readdirSync(live).filter((file) => file.startsWith('journal-'));
  const journal = path.join(dir, name as string);
  fs.copyFileSync(path.join(live, name as string), journal);
  await first.stop();
  return { dir, journal };
}

/** Flips one bit at `fraction` of the file and returns the offset of the record it damaged. */
function flipBit(file: string, fraction: number, headerBytes = 0): number {
  const data = fs.readFileSync(file);
  const at = Math.floor(data.length * fraction);
  const hit = scanRecords(data.subarray(headerBytes)).records.find(
    (r) => r.offset + headerBytes <= at && at < r.offset + headerBytes + r.bytes,
  );
  data[at] = (data[at] as number) ^ 0x10;
  fs.writeFileSync(file, data);
  return (hit?.offset ?? -1) + headerBytes;
}

async function repairWithCli(dir: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', 'mongo', '--repair', '--data', dir],
    {
      cwd: ROOT,
    },
  );
  return stdout;
}

async function messageIds(dir: string): Promise<{ ids: number[]; chat: unknown }> {
  const harness = await startHarness({ dataDir: dir });
  const ids = (await harness.db.collection<Loose>('messages').find().sort({ _id: 1 }).toArray()).map(
    (doc) => doc._id as number,
  );
  const chat = await harness.db.collection<Loose>('chats').findOne({ _id: 'chat' });
  await harness.stop();
  return { ids, chat };
}

describe('embedded-mongo: damaged data files', () => {
  it.each([0.6, 0.02])(
    'refuses a journal damaged at %d of its length, and --repair recovers every intact record',
    async (fraction) => {
      const { dir, journal } = await crashedDir('damaged');
      const damagedAt = flipBit(journal, fraction);
      const damagedBytes = fs.readFileSync(journal);

      const refused = await startHarness({ dataDir: dir }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(Error);
      expect((refused as Error).message).toContain(`${journal} is damaged at byte ${damagedAt}`);
      expect((refused as Error).message).toContain(`imgate mongo --repair --data ${dir}`);
      expect(fs.readFileSync(journal).equals(damagedBytes)).toBe(true);

      const output = await repairWithCli(dir);
      console.log(`flip at ${fraction * 100}%: ${output.trim()}`);
      expect(output).toMatch(/repaired .*: 102 intact records kept; dropped \d+ bytes at \d+/);
      const copy = fs.readdirSync(dir).find((name) => name.includes('.damaged-'));
      expect(copy).toBeDefined();
      expect(fs.readFileSync(path.join(dir, copy as string)).equals(damagedBytes)).toBe(true);

      const { ids, chat } = await messageIds(dir);
      // One insert was in the damaged record; every other one, before and after it, is back.
      const all = Array.from({ length: 100 }, (_, i) => i + 1);
      expect(ids.length + (chat === null ? 0 : 1)).toBe(100);
      expect(ids.every((id) => all.includes(id))).toBe(true);
      expect(ids.at(-1)).toBe(100);
    },
  );

  it('still cuts a torn tail off by itself (no intact record after it)', async () => {
    const { dir, journal } = await crashedDir('torn');
    fs.truncateSync(journal, fs.statSync(journal).size - 5);
    expect((await messageIds(dir)).ids).toHaveLength(99);
  });

  it('refuses a damaged snapshot, and --repair keeps what its intact records hold', async () => {
    const dir = tempDataDir('snapshot');
    const first = await startHarness({ dataDir: dir });
    const messages = first.db.collection<Loose>('messages');
    // ~1.5 MB of documents: several snapshot put records, so one damaged record loses only its share.
    await messages.insertMany(
      Array.from({ length: 3_000 }, (_, i) => ({ _id: i + 1, text: 'x'.repeat(500) })),
    );
    await first.db.collection<Loose>('chats').insertOne({ _id: 'chat' });
    await first.stop();
    const snapshot = path.join(dir, 'snapshot.bin');
    const damagedAt = flipBit(snapshot, 0.5, 12);

    const refused = await startHarness({ dataDir: dir }).catch((error: unknown) => error);
    expect((refused as Error).message).toContain(`${snapshot} is damaged at byte ${damagedAt}`);

    const output = await repairWithCli(dir);
    console.log(`snapshot flip at 50%: ${output.trim()}`);
    expect(output).toMatch(/repaired .*snapshot\.bin: \d+ intact records kept/);
    const { ids, chat } = await messageIds(dir);
    expect(chat).not.toBeNull();
    expect(ids.length).toBeGreaterThan(2_000);
    expect(ids.length).toBeLessThan(3_000);
  });
});
