import type { Document } from 'bson';
import type { DocumentTest } from '../query/simple-match.ts';
import type { Collection } from '../storage/collection.ts';
import { project } from '../storage/query-exec.ts';
import type { CursorSource } from './cursor-store.ts';
import { wakeOn } from './wake-on.ts';

/**
 * The source of a tailable cursor on a capped collection: it remembers the last record id it
 * returned and yields later inserts in insertion order; `wait` wakes on the next insert.
 */
export class TailSource implements CursorSource {
  readonly exhausted = false;

  constructor(
    private readonly collection: Collection,
    private readonly matches: DocumentTest | undefined,
    private readonly projection: Document | undefined,
    private lastRid: number,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * Walks record ids upward from the last one returned (ids only grow), so a getMore costs the
   * inserts since the previous batch, not a scan of the whole capped collection.
   */
  take(count: number): Document[] {
    const batch: Document[] = [];
    const last = this.collection.lastRecordId;
    // Records below the oldest one still stored were evicted: skip their ids in one step.
    const oldest = this.collection.records.keys().next().value;
    if (oldest !== undefined && this.lastRid < oldest - 1) this.lastRid = oldest - 1;
    while (batch.length < count && this.lastRid < last) {
      this.lastRid += 1;
      const doc = this.collection.read(this.lastRid);
      if (doc && (!this.matches || this.matches(doc))) batch.push(doc);
    }
    return project(batch, this.projection);
  }

  wait(ms: number): Promise<void> {
    return wakeOn((listener) => this.collection.onInsert(listener), ms, this.signal);
  }
}
