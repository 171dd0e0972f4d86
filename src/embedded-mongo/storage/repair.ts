import fs from 'node:fs';
import path from 'node:path';
import { journalPath, listJournals } from './journal-file.ts';
import { lockDataDir } from './lock-file.ts';
import { type DamagedSpan, scanRecords } from './record-scan.ts';
import { replaceFile } from './replace-file.ts';
import { hasSnapshotHeader, SNAPSHOT_FILE, SNAPSHOT_HEADER_BYTES, snapshotHeader } from './snapshot.ts';

/** What `repairDataDir` did to one damaged file. */
export interface RepairedFile {
  readonly file: string;
  /** The damaged original, kept byte for byte beside it. */
  readonly copy: string;
  /** Intact records written back. */
  readonly recovered: number;
  /** The stretches that held no intact record and were left out. */
  readonly dropped: readonly DamagedSpan[];
}

export interface RepairReport {
  readonly repaired: readonly RepairedFile[];
  /** Files that needed nothing. */
  readonly intact: readonly string[];
}

/**
 * `imgate mongo --repair`: for the snapshot and every journal of `dir` that holds damage,
 * keeps the original as `<file>.damaged-<time>` and rewrites the file with every intact record,
 * found by resynchronising on the next valid record header and checksum after each damaged
 * stretch. Records inside a damaged stretch are lost; everything else, before and after, is
 * kept in order, so replay gives what was acknowledged minus only what the damage destroyed.
 * Refuses while a live server holds the directory.
 */
export function repairDataDir(dir: string, now = new Date()): RepairReport {
  if (!fs.existsSync(dir)) throw new Error(`no data directory at ${dir}`);
  const lockFile = lockDataDir(dir);
  try {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const repaired: RepairedFile[] = [];
    const intact: string[] = [];
    const files = [path.join(dir, SNAPSHOT_FILE), ...listJournals(dir).map((gen) => journalPath(dir, gen))];
    for (const file of files) {
      if (!fs.existsSync(file)) continue;
      const result = repairFile(dir, file, stamp);
      if (result === undefined) intact.push(file);
      else repaired.push(result);
    }
    return { repaired, intact };
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function repairFile(dir: string, file: string, stamp: string): RepairedFile | undefined {
  const data = fs.readFileSync(file);
  const isSnapshot = path.basename(file) === SNAPSHOT_FILE;
  const headerOk = !isSnapshot || hasSnapshotHeader(data);
  const start = isSnapshot && headerOk ? SNAPSHOT_HEADER_BYTES : 0;
  const scan = scanRecords(data.subarray(start));
  if (headerOk && scan.damaged.length === 0) return undefined;
  const copy = `${file}.damaged-${stamp}`;
  fs.copyFileSync(file, copy);
  const body = data.subarray(start);
  const parts: Uint8Array[] = scan.records.map((r) => body.subarray(r.offset, r.offset + r.bytes));
  if (isSnapshot) parts.unshift(headerOk ? data.subarray(0, SNAPSHOT_HEADER_BYTES) : lostHeader(dir));
  replaceFile(file, parts);
  const dropped = scan.damaged.map((span) => ({ offset: span.offset + start, bytes: span.bytes }));
  return { file, copy, recovered: scan.records.length, dropped };
}

/** A snapshot whose header is gone covers every journal older than the oldest one left. */
function lostHeader(dir: string): Buffer {
  const oldest = listJournals(dir)[0];
  return snapshotHeader(oldest === undefined ? 0 : oldest - 1);
}
