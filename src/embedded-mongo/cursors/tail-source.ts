import type { Document } from 'bson';
import type { Query } from 'mingo';
import type { Collection } from '../storage/collection.ts';
import { project } from '../storage/query-exec.ts';
import type { CursorSource } from './cursor-store.ts';

/**
 * The source of a tailable cursor on a capped collection: it remembers the last record id it
 * returned and yields later inserts in insertion order; `wait` wakes on the next insert.
 */
export class TailSource implements CursorSource {
  readonly exhausted = false;

  constructor(
    private readonly collection: Collection,
    private readonly query: Query | undefined,
    private readonly projection: Document | undefined,
    private lastRid: number,
    private readonly signal: AbortSignal,
  ) {}

  take(count: number): Document[] {
    const batch: Document[] = [];
    for (const rid of this.collection.records.keys()) {
      if (batch.length >= count) break;
      if (rid <= this.lastRid) continue;
      this.lastRid = rid;
      const doc = this.collection.read(rid);
      if (doc && (!this.query || this.query.test(doc))) batch.push(doc);
    }
    return project(batch, this.projection);
  }

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const { signal } = this;
      const finish = (): void => {
        unsubscribe();
        clearTimeout(timer);
        signal.removeEventListener('abort', finish);
        resolve();
      };
      const unsubscribe = this.collection.onInsert(finish);
      const timer = setTimeout(finish, ms);
      signal.addEventListener('abort', finish);
      if (signal.aborted) finish();
    });
  }
}
