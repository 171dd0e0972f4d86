import fs from 'node:fs';
import path from 'node:path';
import type { JournalSink } from './engine.ts';

/** `always`: fsync after every journal write; `never`: a completed write(2) is enough. */
export type FsyncMode = 'always' | 'never';

const JOURNAL_PATTERN = /^journal-(\d{8})\.log$/;

/** Journal file name for a generation. */
export function journalPath(dir: string, generation: number): string {
  return path.join(dir, `journal-${String(generation).padStart(8, '0')}.log`);
}

/** Generations of the journal files present in `dir`, ascending. */
export function listJournals(dir: string): number[] {
  return fs
    .readdirSync(dir)
    .map((name) => JOURNAL_PATTERN.exec(name)?.[1])
    .filter((gen): gen is string => gen !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The append-only journal of one generation. `append` is a synchronous write (and fsync when
 * asked), so the caller acknowledges a write only after it reached the file.
 */
export class JournalFile implements JournalSink {
  private fd: number;
  bytes: number;

  constructor(
    readonly file: string,
    private readonly fsync: FsyncMode,
  ) {
    this.fd = fs.openSync(file, 'a');
    this.bytes = fs.fstatSync(this.fd).size;
  }

  append(records: Buffer[]): void {
    const data = records.length === 1 ? (records[0] as Buffer) : Buffer.concat(records);
    let written = 0;
    while (written < data.length) written += fs.writeSync(this.fd, data, written);
    this.bytes += data.length;
    if (this.fsync === 'always') fs.fsyncSync(this.fd);
  }

  close(): void {
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
  }
}
