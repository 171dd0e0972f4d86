import { randomBytes } from 'node:crypto';
import { type Document, Timestamp } from 'bson';
import { CommandError } from '../errors.ts';
import { NON_RESUMABLE, streamError } from './stream-error.ts';

/** What happened to one document: the change-stream `operationType`s this server emits. */
export type ChangeKind = 'insert' | 'update' | 'replace' | 'delete';

/** One write, as the oplog would hold it: position, time, namespace, key and images. */
export interface ChangeEntry {
  readonly seq: number;
  readonly clusterTime: Timestamp;
  readonly wallTime: Date;
  readonly kind: ChangeKind;
  readonly db: string;
  readonly coll: string;
  readonly documentKey: Document;
  /** The document after the write (insert, update, replace), as stored BSON. */
  readonly after?: Uint8Array;
  /** For `update`: the fields set and removed, as a change event's `updateDescription`. */
  readonly updateDescription?: Document;
}

export type NewChange = Omit<ChangeEntry, 'seq' | 'clusterTime' | 'wallTime'>;

/** A resume token: opaque to clients; `_data` is hex of (log epoch, sequence). */
export interface ResumeToken {
  _data: string;
}

/** Retained change history: 32 MiB of post-images, and at most this many entries. */
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_ENTRIES = 100_000;
const SEQ_DIGITS = 16;

/**
 * The replica-set mode's oplog: every insert, update, replace and delete in commit order, kept in
 * memory within a bounded window (oldest dropped first) and never persisted. A token names its log's
 * epoch, so a token from before a restart, or one that has rolled off, is refused with
 * ChangeStreamHistoryLost (286) as mongod does when the oplog no longer holds the resume point.
 */
export class ChangeLog {
  /** Random per server start; tokens of another epoch cannot be resumed. */
  readonly epoch = randomBytes(4).toString('hex').toUpperCase();
  private readonly entries: ChangeEntry[] = [];
  private head = 0;
  private lastSeq = 0;
  private bytes = 0;
  private lastSecond = 0;
  private increment = 0;
  private readonly listeners = new Set<() => void>();

  /** Appends a change, stamps it with a cluster time, and wakes waiting change-stream cursors. */
  record(change: NewChange): void {
    const wallTime = new Date();
    const entry: ChangeEntry = { ...change, seq: ++this.lastSeq, clusterTime: this.tick(wallTime), wallTime };
    this.entries.push(entry);
    this.bytes += entry.after?.byteLength ?? 0;
    while (this.size > MAX_ENTRIES || (this.bytes > MAX_BYTES && this.size > 1)) this.dropOldest();
    for (const listener of [...this.listeners]) listener();
  }

  /** The sequence number of the newest change (0 before the first). */
  get latestSeq(): number {
    return this.lastSeq;
  }

  /** The cluster time of the newest change, or now when there is none: a reply's `operationTime`. */
  get operationTime(): Timestamp {
    return this.entries.at(-1)?.clusterTime ?? this.tick(new Date());
  }

  /**
   * The entries after `seq`, at most `limit` of them, in order; 286 when some of them have already
   * rolled off (a cursor that fell behind the retained window cannot continue without a gap).
   */
  after(seq: number, limit: number): ChangeEntry[] {
    const first = this.entries[this.head];
    if (!first) return [];
    if (seq + 1 < first.seq) throw historyLost();
    const start = this.head + (seq + 1 - first.seq);
    return this.entries.slice(start, start + limit);
  }

  /** The position just before the first change at or after `time` (`startAtOperationTime`). */
  seqBefore(time: Timestamp): number {
    for (let i = this.head; i < this.entries.length; i++) {
      const entry = this.entries[i] as ChangeEntry;
      if (entry.clusterTime.greaterThanOrEqual(time)) return entry.seq - 1;
    }
    return this.lastSeq;
  }

  token(seq: number): ResumeToken {
    return { _data: `82${this.epoch}${seq.toString(16).toUpperCase().padStart(SEQ_DIGITS, '0')}` };
  }

  /** The sequence a token names; throws 286 when this log cannot resume from it. */
  seqOf(token: unknown): number {
    const data = (token as Document | null)?._data;
    if (typeof data !== 'string' || !/^82[0-9A-F]{8}[0-9A-F]{16}$/.test(data)) {
      throw new CommandError(2, `invalid resume token: ${JSON.stringify(token)}`);
    }
    const seq = Number.parseInt(data.slice(10), 16);
    const oldest = this.entries[this.head]?.seq ?? this.lastSeq + 1;
    if (data.slice(2, 10) !== this.epoch || seq > this.lastSeq || seq < oldest - 1) {
      throw historyLost();
    }
    return seq;
  }

  /** Calls `listener` on the next change; returns the function that unsubscribes it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private get size(): number {
    return this.entries.length - this.head;
  }

  private dropOldest(): void {
    const entry = this.entries[this.head];
    this.head++;
    this.bytes -= entry?.after?.byteLength ?? 0;
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Cluster times grow strictly: (seconds, increment within that second). */
  private tick(now: Date): Timestamp {
    const second = Math.max(this.lastSecond, Math.floor(now.getTime() / 1000));
    this.increment = second === this.lastSecond ? this.increment + 1 : 1;
    this.lastSecond = second;
    return new Timestamp({ t: second, i: this.increment });
  }
}

function historyLost(): CommandError {
  return streamError(
    286,
    'Resume of change stream was not possible, as the resume point may no longer be in the oplog.',
    NON_RESUMABLE,
  );
}
