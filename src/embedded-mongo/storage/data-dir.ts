import fs from 'node:fs';
import path from 'node:path';
import { DataDamagedError } from './data-damaged.ts';
import type { Engine } from './engine.ts';
import { type FsyncMode, JournalFile, journalPath, listJournals } from './journal-file.ts';
import { decodeRecords } from './journal-record.ts';
import { lockDataDir } from './lock-file.ts';
import { nextRecord } from './record-scan.ts';
import { loadSnapshot, SNAPSHOT_FILE, writeSnapshot } from './snapshot.ts';

export type { FsyncMode } from './journal-file.ts';

export interface DataDirOptions {
  fsync: FsyncMode;
  logger: { info(message: string): void; warn(message: string): void };
  /** Journal size that triggers a compaction into the snapshot (default 64 MiB). */
  compactBytes?: number;
}

/** An opened data directory: the recovered engine, journaling into the active journal. */
export interface DataDir {
  engine: Engine;
  close(): void;
}

/**
 * Replays one journal. A torn tail (an incomplete or corrupt last stretch with no intact record
 * after it, as a crash mid-write leaves) is reported and cut off so appends stay valid; damage
 * followed by intact records is refused (`DataDamagedError`), since cutting there would drop them.
 */
function replayJournal(engine: Engine, dir: string, file: string, logger: DataDirOptions['logger']): number {
  const data = fs.readFileSync(file);
  const records = decodeRecords(data);
  let step = records.next();
  for (; !step.done; step = records.next()) engine.apply(step.value);
  if (step.value < data.length) {
    const intact = nextRecord(data, step.value + 1);
    if (intact >= 0) {
      throw new DataDamagedError(dir, file, step.value, `an intact record follows at byte ${intact}`);
    }
    logger.warn(`embedded-mongo: dropped ${data.length - step.value} bytes of torn journal tail in ${file}`);
    fs.truncateSync(file, step.value);
  }
  return step.value;
}

/** Loads the snapshot and replays the newer journals (removing those the snapshot covers). */
function recover(dir: string, logger: DataDirOptions['logger']) {
  const { engine, generation } = loadSnapshot(dir);
  let replayed = 0;
  for (const gen of listJournals(dir)) {
    if (gen <= generation) fs.rmSync(journalPath(dir, gen));
    else replayed += replayJournal(engine, dir, journalPath(dir, gen), logger);
  }
  return { engine, generation, replayed };
}

/**
 * Opens (or creates) a data directory: loads the snapshot, replays newer journals, then journals
 * every commit. Compaction rotates to a new journal, writes a snapshot covering the old ones
 * (temp file, fsync, rename) and only then deletes them, so a crash never loses an
 * acknowledged write.
 */
export function openDataDir(dir: string, options: DataDirOptions): DataDir {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = lockDataDir(dir);
  fs.rmSync(path.join(dir, `${SNAPSHOT_FILE}.tmp`), { force: true });
  const started = Date.now();
  let recovered: { engine: Engine; generation: number; replayed: number };
  try {
    recovered = recover(dir, options.logger);
  } catch (error) {
    fs.rmSync(lockFile, { force: true });
    throw error;
  }
  const { engine, generation, replayed } = recovered;
  let active = Math.max(generation + 1, ...listJournals(dir));
  let journal = new JournalFile(journalPath(dir, active), options.fsync);
  const limit = options.compactBytes ?? 64 * 1024 * 1024;
  let scheduled = false;
  let closed = false;

  function compact(): void {
    scheduled = false;
    if (closed) return;
    const covered = active;
    active += 1;
    const next = new JournalFile(journalPath(dir, active), options.fsync);
    engine.attach(next);
    journal.close();
    journal = next;
    writeSnapshot(dir, engine, covered);
    for (const gen of listJournals(dir)) if (gen <= covered) fs.rmSync(journalPath(dir, gen));
  }

  engine.attach({
    append(records) {
      journal.append(records);
      if (journal.bytes > limit && !scheduled) {
        scheduled = true;
        setImmediate(compact);
      }
    },
  });
  if (replayed > limit / 4) compact();
  options.logger.info(`embedded-mongo: loaded ${dir} in ${Date.now() - started} ms`);
  return {
    engine,
    close() {
      engine.commit();
      if (journal.bytes > 0) compact();
      engine.attach(undefined);
      closed = true;
      journal.close();
      fs.rmSync(lockFile, { force: true });
    },
  };
}
