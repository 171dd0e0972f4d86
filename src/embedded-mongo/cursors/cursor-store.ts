import { calculateObjectSize, type Document, Long } from 'bson';
import { CommandError } from '../errors.ts';

/** Replies stay below the 16 MiB BSON limit with room for the envelope. */
const MAX_BATCH_BYTES = 15 * 1024 * 1024;
const DEFAULT_FIRST_BATCH = 101;

/** Where a cursor's documents come from: a finished result, or a live capped collection. */
export interface CursorSource {
  /** Up to `count` next documents (tailable sources return what has arrived so far). */
  take(count: number, maxBytes: number): Array<Document | Uint8Array>;
  /** True when no document can ever follow. */
  readonly exhausted: boolean;
  /** Resolves when a new document may be available, or after `ms`; only tailable sources wait. */
  wait?(ms: number): Promise<void>;
  /** Extra fields of the reply's `cursor` document after each batch (`postBatchResumeToken`). */
  cursorFields?(): Document;
}

/** A materialised result served in batches. */
export class ArraySource implements CursorSource {
  private position = 0;

  constructor(private readonly docs: Array<Document | Uint8Array>) {}

  get exhausted(): boolean {
    return this.position >= this.docs.length;
  }

  take(count: number, maxBytes: number): Array<Document | Uint8Array> {
    const batch: Array<Document | Uint8Array> = [];
    let bytes = 0;
    while (this.position < this.docs.length && batch.length < count) {
      const doc = this.docs[this.position] as Document | Uint8Array;
      bytes += doc instanceof Uint8Array ? doc.byteLength : calculateObjectSize(doc);
      if (batch.length > 0 && bytes > maxBytes) break;
      batch.push(doc);
      this.position++;
    }
    return batch;
  }
}

interface OpenCursor {
  ns: string;
  source: CursorSource;
  awaitData: boolean;
}

/** A batch reply's `cursor` sub-document. */
export interface CursorBatch {
  id: Long;
  ns: string;
  batch: Array<Document | Uint8Array>;
  fields?: Document;
}

/**
 * Server-side cursors for find, aggregate and the list commands: ids are int64 as the driver
 * expects; `getMore` on a tailable-await cursor parks until an insert or `maxTimeMS`.
 */
export class CursorStore {
  private readonly open = new Map<string, OpenCursor>();
  private nextId = 1 + Math.floor(Math.random() * 1_000_000);
  private closing = false;

  /** Serves the first batch and keeps the cursor open only if more may follow. */
  first(
    ns: string,
    source: CursorSource,
    batchSize?: number,
    awaitData = false,
    singleBatch = false,
  ): CursorBatch {
    const batch = source.take(batchSize ?? DEFAULT_FIRST_BATCH, MAX_BATCH_BYTES);
    const fields = source.cursorFields?.();
    if (singleBatch || (source.exhausted && !source.wait)) return { id: Long.ZERO, ns, batch, fields };
    const id = Long.fromNumber(this.nextId++);
    this.open.set(id.toString(), { ns, source, awaitData });
    return { id, ns, batch, fields };
  }

  async more(id: Long, ns: string, batchSize?: number, maxTimeMS?: number): Promise<CursorBatch> {
    const key = id.toString();
    const cursor = this.open.get(key);
    if (!cursor || cursor.ns !== ns) throw new CommandError(43, `cursor id ${key} not found`);
    const count = batchSize && batchSize > 0 ? batchSize : Number.POSITIVE_INFINITY;
    let batch = cursor.source.take(count, MAX_BATCH_BYTES);
    // As mongod: a wake-up by a write the cursor's filter leaves out does not end the wait.
    const deadline = performance.now() + (maxTimeMS ?? 1000);
    while (batch.length === 0 && cursor.awaitData && cursor.source.wait && !this.closing) {
      const left = deadline - performance.now();
      if (left <= 0 || !this.open.has(key)) break;
      await cursor.source.wait(left);
      batch = cursor.source.take(count, MAX_BATCH_BYTES);
    }
    const done = cursor.source.exhausted && !cursor.source.wait;
    if (done || !this.open.has(key)) this.open.delete(key);
    const fields = cursor.source.cursorFields?.();
    return { id: this.open.has(key) ? id : Long.ZERO, ns, batch, fields };
  }

  /** Kills cursors by id; returns which were found. */
  kill(ids: Long[]): { killed: Long[]; notFound: Long[] } {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) (this.open.delete(id.toString()) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  /** Forgets every cursor; waiting getMores return at their next wake-up. */
  closeAll(): void {
    this.closing = true;
    this.open.clear();
  }
}
