import { type Document, deserialize, serialize } from 'bson';
import { CommandError } from '../errors.ts';
import { duplicateKeyError } from './duplicate-key.ts';
import { elementSpans } from '../wire/bson-slices.ts';
import { encodeKeyValue } from './index-key.ts';
import { type IndexDefinition, OrderedIndex } from './ordered-index.ts';

/** Options given to `create` that change how a collection stores documents. */
export interface CollectionOptions {
  capped?: boolean;
  size?: number;
  max?: number;
  /** A view: the collection (or view) it reads, and the pipeline it applies (commands/views.ts). */
  viewOn?: string;
  pipeline?: Document[];
}

/**
 * The documents of one collection, stored as immutable BSON buffers keyed by a record id that
 * grows with every insert (so Map order is natural/insertion order, as capped collections need),
 * plus its ordered indexes, kept in step on every change and checked for uniqueness before it.
 */
export class Collection {
  readonly records = new Map<number, Uint8Array>();
  readonly indexes = new Map<string, OrderedIndex>();
  /** Documents deserialized for queries: tests use it to prove that an index avoided a scan. */
  docsExamined = 0;
  private nextRid = 1;
  private cappedBytes = 0;
  private readonly insertListeners = new Set<() => void>();

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: CollectionOptions = {},
  ) {
    this.indexes.set('_id_', new OrderedIndex({ name: '_id_', key: { _id: 1 } }));
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get idIndex(): OrderedIndex {
    return this.indexes.get('_id_') as OrderedIndex;
  }

  /** The highest record id handed out so far; record ids only grow, so later inserts are above it. */
  get lastRecordId(): number {
    return this.nextRid - 1;
  }

  /** Reads one record as a document, counting it as examined. */
  read(rid: number): Document | undefined {
    const raw = this.records.get(rid);
    if (!raw) return undefined;
    this.docsExamined++;
    return deserialize(raw);
  }

  /** Record id of the document with this `_id`, through the `_id` index. */
  ridOfId(id: unknown): number | undefined {
    return this.idIndex.entries.ridsOf(encodeKeyValue(id))[0];
  }

  /** Inserts a document (which must carry `_id`); throws E11000 and changes nothing on a conflict. */
  insert(doc: Document, raw: Uint8Array = serialize(doc)): Uint8Array {
    const rid = this.nextRid++;
    const keys = this.keysFor(doc, rid);
    this.records.set(rid, raw);
    for (const [index, indexKeys] of keys) index.add(indexKeys, rid);
    if (this.options.capped) this.evictOverflow(raw.length);
    for (const listener of this.insertListeners) listener();
    return raw;
  }

  /**
   * Replaces the document at `rid`, keeping its position. Only the indexes whose source fields
   * changed are touched (a send rewrites a chat of thousands of members without re-keying its
   * member index), as mongod updates only the index keys that change.
   */
  replace(rid: number, doc: Document, raw: Uint8Array = serialize(doc)): Uint8Array {
    const old = this.records.get(rid);
    if (!old) throw new CommandError(1, `record ${rid} vanished`);
    const before = elementSpans(Buffer.from(old.buffer, old.byteOffset, old.byteLength));
    const after = elementSpans(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
    const touched = [...this.indexes.values()].filter((index) => index.keysMayChange(before, after));
    const keys = this.keysFor(doc, rid, touched);
    if (touched.length > 0) {
      const oldDoc = deserialize(old);
      for (const index of touched) index.delete(index.keysOf(oldDoc), rid);
    }
    this.records.set(rid, raw);
    for (const [index, indexKeys] of keys) index.add(indexKeys, rid);
    return raw;
  }

  remove(rid: number): Document | undefined {
    const old = this.records.get(rid);
    if (!old) return undefined;
    const oldDoc = deserialize(old);
    for (const index of this.indexes.values()) index.delete(index.keysOf(oldDoc), rid);
    this.records.delete(rid);
    this.cappedBytes -= old.length;
    return oldDoc;
  }

  /** Builds a new index over the existing documents; E11000 if a unique one finds duplicates. */
  createIndex(definition: IndexDefinition): OrderedIndex {
    const index = new OrderedIndex(definition);
    for (const [rid, raw] of this.records) {
      const doc = deserialize(raw);
      const keys = index.keysOf(doc);
      if (index.conflict(keys, rid) !== undefined) throw duplicateKeyError(this.ns, index, doc);
      index.add(keys, rid);
    }
    this.indexes.set(index.name, index);
    return index;
  }

  /** Subscribes to inserts (tailable cursors wait on it); returns the unsubscribe function. */
  onInsert(listener: () => void): () => void {
    this.insertListeners.add(listener);
    return () => this.insertListeners.delete(listener);
  }

  /** Adds a loaded record without index maintenance; `rebuildIndexes` must follow. */
  loadRecord(raw: Uint8Array): number {
    const rid = this.nextRid++;
    this.records.set(rid, raw);
    this.cappedBytes += raw.length;
    return rid;
  }

  private keysFor(
    doc: Document,
    rid: number,
    indexes: Iterable<OrderedIndex> = this.indexes.values(),
  ): Map<OrderedIndex, string[]> {
    const out = new Map<OrderedIndex, string[]>();
    for (const index of indexes) {
      const keys = index.keysOf(doc);
      if (index.conflict(keys, rid) !== undefined) throw duplicateKeyError(this.ns, index, doc);
      out.set(index, keys);
    }
    return out;
  }

  private evictOverflow(added: number): void {
    this.cappedBytes += added;
    const maxBytes = this.options.size ?? Number.POSITIVE_INFINITY;
    const maxDocs = this.options.max && this.options.max > 0 ? this.options.max : Number.POSITIVE_INFINITY;
    for (const rid of this.records.keys()) {
      if (this.records.size <= 1 || (this.cappedBytes <= maxBytes && this.records.size <= maxDocs)) break;
      this.remove(rid);
    }
  }
}
