import { HEADER_BYTES, recordAt } from './journal-record.ts';

/** An intact record found by a scan: where it starts and its whole length (header included). */
export interface FoundRecord {
  readonly offset: number;
  readonly bytes: number;
}

/** A run of bytes that holds no intact record. */
export interface DamagedSpan {
  readonly offset: number;
  readonly bytes: number;
}

/** Every intact record of a journal (or snapshot body) and the damaged spans between them. */
export interface RecordScan {
  readonly records: FoundRecord[];
  readonly damaged: DamagedSpan[];
}

/**
 * The offset of the next intact record at or after `from`, or -1. A record is found by its header
 * (a plausible length, kind and namespace length) and confirmed by its crc32, so after damage the
 * scan resynchronises on the first record that was written whole.
 */
export function nextRecord(buffer: Buffer, from: number): number {
  for (let offset = from; offset + HEADER_BYTES + 3 <= buffer.length; offset += 1) {
    if (recordAt(buffer, offset) >= 0) return offset;
  }
  return -1;
}

/**
 * Reads `buffer` as consecutive records, resynchronising after each damaged stretch, so that
 * every intact record survives one flipped bit or a lost block before it.
 */
export function scanRecords(buffer: Buffer): RecordScan {
  const records: FoundRecord[] = [];
  const damaged: DamagedSpan[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const length = recordAt(buffer, offset);
    if (length >= 0) {
      records.push({ offset, bytes: HEADER_BYTES + length });
      offset += HEADER_BYTES + length;
      continue;
    }
    const next = nextRecord(buffer, offset + 1);
    const end = next < 0 ? buffer.length : next;
    damaged.push({ offset, bytes: end - offset });
    offset = end;
  }
  return { records, damaged };
}
