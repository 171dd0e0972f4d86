import { type Document, deserialize } from 'bson';
import { CommandError } from '../errors.ts';
import { Collection, type CollectionOptions } from './collection.ts';
import { encodeRecord, type JournalOp } from './journal-record.ts';
import type { IndexDefinition } from './ordered-index.ts';
import type { ChangeLog } from '../replication/change-log.ts';
import { recordReplace } from '../replication/record-change.ts';

/** Where committed journal records go (the data directory's journal file). */
export interface JournalSink {
  append(records: Buffer[]): void;
}

function where(collection: Collection, id: unknown) {
  return { db: collection.db, coll: collection.name, documentKey: { _id: id } };
}

function splitNs(ns: string): [string, string] {
  const dot = ns.indexOf('.');
  return [ns.slice(0, dot), ns.slice(dot + 1)];
}

/**
 * The catalog of databases and collections and the only door to change them: every mutation is
 * applied in memory and queued as a journal record; `commit()` writes the queue synchronously, and
 * the command router calls it before any reply leaves, so an acknowledged write is on disk.
 */
export class Engine {
  private readonly dbs = new Map<string, Map<string, Collection>>();
  private pending: Buffer[] = [];
  /** Set in replica-set mode: every insert, replace and remove is also recorded there. */
  changeLog: ChangeLog | undefined;

  constructor(private sink?: JournalSink) {}

  /** Starts journaling to `sink` (after recovery, and again after each journal rotation). */
  attach(sink: JournalSink | undefined): void {
    this.commit();
    this.sink = sink;
  }

  *everyCollection(): Generator<Collection> {
    for (const collections of this.dbs.values()) yield* collections.values();
  }

  collection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  collections(db: string): Collection[] {
    return [...(this.dbs.get(db)?.values() ?? [])];
  }

  databases(): string[] {
    return [...this.dbs.keys()].filter((db) => (this.dbs.get(db)?.size ?? 0) > 0);
  }

  /** The collection, created implicitly as MongoDB does on first write. */
  ensureCollection(db: string, name: string): Collection {
    return this.collection(db, name) ?? this.createCollection(db, name, {});
  }

  createCollection(db: string, name: string, options: CollectionOptions): Collection {
    if (this.collection(db, name)) throw new CommandError(48, `Collection ${db}.${name} already exists.`);
    if (!name || name.includes('$') || !db) throw new CommandError(73, `Invalid collection name: ${name}`);
    let collections = this.dbs.get(db);
    if (!collections) {
      collections = new Map();
      this.dbs.set(db, collections);
    }
    const collection = new Collection(db, name, options);
    collections.set(name, collection);
    this.log({ kind: 'create', ns: collection.ns, options: { ...options } });
    return collection;
  }

  dropCollection(db: string, name: string): Collection | undefined {
    const collection = this.collection(db, name);
    if (!collection) return undefined;
    this.dbs.get(db)?.delete(name);
    this.log({ kind: 'drop', ns: collection.ns });
    return collection;
  }

  dropDatabase(db: string): void {
    if (!this.dbs.delete(db)) return;
    this.log({ kind: 'dropDatabase', ns: db });
  }

  /** Inserts `doc`; `raw` (its exact encoding, when the caller has it) is stored instead of re-encoding. */
  insert(collection: Collection, doc: Document, raw?: Uint8Array): void {
    const stored = collection.insert(doc, raw);
    this.log({ kind: 'put', ns: collection.ns, docs: [stored] });
    this.changeLog?.record({ ...where(collection, doc._id), kind: 'insert', after: stored });
  }

  /**
   * `replacement` tells a change stream `replace` (a whole new document) from `update`; `bytes`,
   * when the caller has encoded `doc` already, are stored as they are.
   */
  replace(collection: Collection, rid: number, doc: Document, replacement = false, bytes?: Uint8Array): void {
    const before = this.changeLog ? collection.records.get(rid) : undefined;
    const raw = collection.replace(rid, doc, bytes);
    this.log({ kind: 'put', ns: collection.ns, docs: [raw] });
    if (this.changeLog && before) {
      this.changeLog.record({ ...where(collection, doc._id), ...recordReplace(before, raw, replacement) });
    }
  }

  remove(collection: Collection, rid: number): void {
    const old = collection.remove(rid);
    if (!old) return;
    this.log({ kind: 'delete', ns: collection.ns, ids: [{ _id: old._id }] });
    this.changeLog?.record({ ...where(collection, old._id), kind: 'delete' });
  }

  createIndex(collection: Collection, definition: IndexDefinition): void {
    collection.createIndex(definition);
    this.log({ kind: 'createIndex', ns: collection.ns, spec: { ...definition } });
  }

  dropIndex(collection: Collection, name: string): void {
    collection.indexes.delete(name);
    this.log({ kind: 'dropIndex', ns: collection.ns, name });
  }

  /** Writes queued journal records (one synchronous write) before the caller replies. */
  commit(): void {
    if (this.pending.length === 0) return;
    const records = this.pending;
    this.pending = [];
    this.sink?.append(records);
  }

  /** Re-applies a journal record during recovery (nothing is re-logged). */
  apply(op: JournalOp): void {
    const [db, name] = splitNs(op.ns);
    const collection =
      op.kind === 'put' || op.kind === 'delete' ? this.ensureCollection(db, name) : undefined;
    if (op.kind === 'put' && collection) {
      for (const raw of op.docs) {
        const doc = deserialize(raw);
        const rid = collection.ridOfId(doc._id);
        if (rid === undefined) collection.insert(doc, raw);
        else collection.replace(rid, doc);
      }
    } else if (op.kind === 'delete' && collection) {
      for (const { _id } of op.ids) {
        const rid = collection.ridOfId(_id);
        if (rid !== undefined) collection.remove(rid);
      }
    } else if (op.kind === 'create') {
      if (!this.collection(db, name)) this.createCollection(db, name, op.options);
    } else if (op.kind === 'createIndex') {
      const target = this.ensureCollection(db, name);
      if (!target.indexes.has(String(op.spec.name))) target.createIndex(op.spec as IndexDefinition);
    } else if (op.kind === 'dropIndex') this.collection(db, name)?.indexes.delete(op.name);
    else if (op.kind === 'drop') this.dbs.get(db)?.delete(name);
    else if (op.kind === 'dropDatabase') this.dbs.delete(op.ns);
    this.pending = [];
  }

  private log(op: JournalOp): void {
    if (this.sink) this.pending.push(encodeRecord(op));
  }
}
