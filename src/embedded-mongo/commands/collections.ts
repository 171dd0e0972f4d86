import type { Document } from 'bson';
import { ArraySource } from '../cursors/cursor-store.ts';
import { CommandError } from '../errors.ts';
import type { Collection } from '../storage/collection.ts';
import { collectionName, optionalBoolean, optionalDocument, optionalNumber } from './args.ts';
import type { CommandHandler } from './context.ts';
import { isView, viewOptions } from './views.ts';
import { documentMatcher } from '../query/simple-match.ts';

function describe(collection: Collection, nameOnly: boolean): Document {
  if (isView(collection)) {
    if (nameOnly) return { name: collection.name, type: 'view' };
    const { viewOn, pipeline } = collection.options;
    return { name: collection.name, type: 'view', options: { viewOn, pipeline }, info: { readOnly: true } };
  }
  if (nameOnly) return { name: collection.name, type: 'collection' };
  return {
    name: collection.name,
    type: 'collection',
    options: { ...collection.options },
    info: { readOnly: false },
    idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
  };
}

function sizeOf(collection: Collection): number {
  let bytes = 0;
  for (const raw of collection.records.values()) bytes += raw.length;
  return bytes;
}

/** Collection and database life cycle: create (capped too), drop, list. */
export const collectionCommands: Record<string, CommandHandler> = {
  create: function create(command, { engine, db }) {
    const name = collectionName(command);
    if (command.viewOn !== undefined || command.pipeline !== undefined) {
      engine.createCollection(db, name, viewOptions(command));
      return {};
    }
    const capped = optionalBoolean(command, 'capped') ?? false;
    const size = optionalNumber(command, 'size');
    if (capped && (size === undefined || size <= 0)) {
      throw new CommandError(72, 'the size field is required when creating a capped collection');
    }
    const max = optionalNumber(command, 'max');
    engine.createCollection(
      db,
      name,
      capped ? { capped, size: Math.max(4096, size as number), ...(max ? { max } : {}) } : {},
    );
    return {};
  },
  /** Every collMod option is refused by known-fields.ts (NotImplemented); a bare collMod checks the namespace. */
  collMod: function collMod(command, { engine, db }) {
    const name = collectionName(command);
    if (!engine.collection(db, name)) throw new CommandError(26, `ns does not exist: ${db}.${name}`);
    return {};
  },
  drop: function drop(command, { engine, db }) {
    const name = collectionName(command);
    const dropped = engine.dropCollection(db, name);
    return dropped ? { ns: dropped.ns, nIndexesWas: dropped.indexes.size } : {};
  },
  dropDatabase: function dropDatabase(_command, { engine, db }) {
    engine.dropDatabase(db);
    return { dropped: db };
  },
  listCollections: function listCollections(command, { engine, cursors, db }) {
    const filter = optionalDocument(command, 'filter');
    const nameOnly = optionalBoolean(command, 'nameOnly') ?? false;
    let docs = engine.collections(db).map((collection) => describe(collection, nameOnly));
    if (filter && Object.keys(filter).length > 0) {
      docs = docs.filter(documentMatcher(filter));
    }
    const ns = `${db}.$cmd.listCollections`;
    const { id, batch } = cursors.first(
      ns,
      new ArraySource(docs),
      optionalDocument(command, 'cursor')?.batchSize as number,
    );
    return { cursor: { firstBatch: batch, id, ns } };
  },
  listDatabases: function listDatabases(command, { engine }) {
    const nameOnly = optionalBoolean(command, 'nameOnly') ?? false;
    const databases = engine.databases().map((name) => {
      const sizeOnDisk = engine.collections(name).reduce((sum, collection) => sum + sizeOf(collection), 0);
      return nameOnly ? { name } : { name, sizeOnDisk, empty: sizeOnDisk === 0 };
    });
    const totalSize = databases.reduce((sum, db) => sum + ((db as Document).sizeOnDisk ?? 0), 0);
    return nameOnly ? { databases } : { databases, totalSize };
  },
};
