import { calculateObjectSize, type Document, deserialize } from 'bson';
import { Aggregator } from 'mingo';
import { isEqual } from 'mingo/util';
import type { ChangeEntry, ChangeLog } from '../replication/change-log.ts';
import { NON_RESUMABLE, streamError } from '../replication/stream-error.ts';
import type { Engine } from '../storage/engine.ts';
import type { CursorSource } from './cursor-store.ts';
import { wakeOn } from './wake-on.ts';

/** Which changes a stream sees: one collection, one database, or (admin) the whole deployment. */
export interface ChangeScope {
  db?: string;
  coll?: string;
}

export interface ChangeStreamSpec {
  scope: ChangeScope;
  /** `default` or `updateLookup`. */
  fullDocument: string;
  /** Stages after `$changeStream`, applied to each event. */
  pipeline: Document[];
  /** The stream starts after this change-log sequence. */
  startAfterSeq: number;
}

const INTERNAL_DBS = new Set(['admin', 'config', 'local']);
const SCAN_CHUNK = 256;

/**
 * The source of a change-stream cursor: walks the change log from its position, turns entries
 * in scope into change events (`_id` is the resume token), runs the user's stages over each, and
 * reports the position reached as `postBatchResumeToken`, so a quiet stream still advances.
 */
export class ChangeStreamSource implements CursorSource {
  readonly exhausted = false;
  private position: number;
  private readonly aggregator: Aggregator | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly log: ChangeLog,
    private readonly spec: ChangeStreamSpec,
    private readonly signal: AbortSignal,
  ) {
    this.position = spec.startAfterSeq;
    this.aggregator = spec.pipeline.length > 0 ? new Aggregator(spec.pipeline, {}) : undefined;
  }

  take(count: number, maxBytes: number): Document[] {
    const batch: Document[] = [];
    let bytes = 0;
    for (;;) {
      const entries = this.log.after(this.position, SCAN_CHUNK);
      if (entries.length === 0) return batch;
      for (const entry of entries) {
        if (batch.length >= count) return batch;
        const event = this.inScope(entry) ? this.transform(entry) : undefined;
        const size = event ? calculateObjectSize(event) : 0;
        if (event && batch.length > 0 && bytes + size > maxBytes) return batch;
        this.position = entry.seq;
        if (!event) continue;
        batch.push(event);
        bytes += size;
      }
    }
  }

  /** The cursor's `postBatchResumeToken`: the position after the last batch. */
  cursorFields(): Document {
    return { postBatchResumeToken: this.log.token(this.position) };
  }

  wait(ms: number): Promise<void> {
    return wakeOn((listener) => this.log.onChange(listener), ms, this.signal);
  }

  private inScope(entry: ChangeEntry): boolean {
    const { db, coll } = this.spec.scope;
    if (entry.coll.startsWith('system.')) return false;
    if (db === undefined) return !INTERNAL_DBS.has(entry.db);
    return entry.db === db && (coll === undefined || entry.coll === coll);
  }

  /** The change event of `entry` after the user's stages, or undefined when they filter it out. */
  private transform(entry: ChangeEntry): Document | undefined {
    const event = this.eventOf(entry);
    if (!this.aggregator) return event;
    const [out] = this.aggregator.run<Document>([event]);
    if (out && !isEqual(out._id, event._id)) {
      throw streamError(
        280,
        'Encountered an event whose _id field, which contains the resume token, was modified by the pipeline.',
        NON_RESUMABLE,
      );
    }
    return out;
  }

  private eventOf(entry: ChangeEntry): Document {
    const event: Document = {
      _id: this.log.token(entry.seq),
      operationType: entry.kind,
      clusterTime: entry.clusterTime,
      wallTime: entry.wallTime,
    };
    if (entry.kind === 'insert' || entry.kind === 'replace') {
      event.fullDocument = entry.after ? deserialize(entry.after) : null;
    } else if (entry.kind === 'update' && this.spec.fullDocument === 'updateLookup') {
      event.fullDocument = this.currentDocument(entry);
    }
    event.ns = { db: entry.db, coll: entry.coll };
    event.documentKey = entry.documentKey;
    if (entry.updateDescription) event.updateDescription = entry.updateDescription;
    return event;
  }

  /** `updateLookup`: the document as it is now (null once deleted), as mongod looks it up. */
  private currentDocument(entry: ChangeEntry): Document | null {
    const collection = this.engine.collection(entry.db, entry.coll);
    const rid = collection?.ridOfId(entry.documentKey._id);
    return (rid !== undefined && collection?.read(rid)) || null;
  }
}
