import type { Document } from 'bson';
import { ArraySource } from '../cursors/cursor-store.ts';
import { CommandError } from '../errors.ts';
import type { IndexDefinition } from '../storage/ordered-index.ts';
import { collectionName, requiredArray } from './args.ts';
import type { CommandHandler } from './context.ts';
import { refuseView, writableCollection } from './views.ts';

const SUPPORTED_OPTIONS = new Set([
  'key',
  'name',
  'unique',
  'sparse',
  'partialFilterExpression',
  'background',
  'v',
]);

/** Index options mongod 7.0 knows that this server does not implement: refused, never dropped. */
const MONGOD_ONLY_OPTIONS = new Set([
  'expireAfterSeconds',
  'hidden',
  'collation',
  'weights',
  'default_language',
  'language_override',
  'textIndexVersion',
  '2dsphereIndexVersion',
  'bits',
  'min',
  'max',
  'bucketSize',
  'storageEngine',
  'wildcardProjection',
  'prepareUnique',
  'clustered',
]);

function toDefinition(spec: Document): IndexDefinition {
  const key = spec.key;
  if (!key || typeof key !== 'object' || Array.isArray(key))
    throw new CommandError(9, "The 'key' field must be an object");
  const name =
    spec.name ??
    Object.entries(key)
      .map(([field, dir]) => `${field}_${String(dir)}`)
      .join('_');
  if (typeof name !== 'string') throw new CommandError(14, "The 'name' field must be a string");
  const definition: IndexDefinition = { name, key: key as Document };
  for (const [option, value] of Object.entries(spec)) {
    if (option === 'key' || option === 'name' || option === 'background' || option === 'v' || option === 'ns')
      continue;
    if (MONGOD_ONLY_OPTIONS.has(option)) {
      throw new CommandError(238, `The embedded server does not implement the index option '${option}'`);
    }
    if (!SUPPORTED_OPTIONS.has(option)) {
      throw new CommandError(197, `The field '${option}' is not valid for an index specification.`);
    }
    (definition as unknown as Document)[option] = value;
  }
  return definition;
}

function sameDefinition(a: IndexDefinition, b: IndexDefinition): boolean {
  return (
    JSON.stringify([a.key, !!a.unique, !!a.sparse, a.partialFilterExpression ?? null]) ===
    JSON.stringify([b.key, !!b.unique, !!b.sparse, b.partialFilterExpression ?? null])
  );
}

/** Index management; building a unique index over duplicates fails with E11000. */
export const indexCommands: Record<string, CommandHandler> = {
  createIndexes: function createIndexes(command, { engine, db }) {
    const name = collectionName(command);
    const specs = requiredArray(command, 'indexes').map(toDefinition);
    const existed = engine.collection(db, name) !== undefined;
    const collection = writableCollection(engine, db, name);
    const before = collection.indexes.size;
    for (const definition of specs) {
      const current = collection.indexes.get(definition.name);
      if (current) {
        if (!sameDefinition(current.definition, definition)) {
          throw new CommandError(
            86,
            `An existing index has the same name as the requested index: ${definition.name}`,
          );
        }
        continue;
      }
      const sameKey = [...collection.indexes.values()].find((index) =>
        sameDefinition(index.definition, definition),
      );
      if (sameKey) {
        throw new CommandError(85, `Index already exists with a different name: ${sameKey.name}`);
      }
      engine.createIndex(collection, definition);
    }
    return {
      createdCollectionAutomatically: !existed,
      numIndexesBefore: before,
      numIndexesAfter: collection.indexes.size,
    };
  },
  listIndexes: function listIndexes(command, { engine, cursors, db }) {
    const name = collectionName(command);
    const collection = engine.collection(db, name);
    if (!collection) throw new CommandError(26, `ns does not exist: ${db}.${name}`);
    refuseView(collection);
    const ns = `${db}.${name}`;
    const docs = [...collection.indexes.values()].map((index) => index.describe());
    const { id, batch } = cursors.first(ns, new ArraySource(docs));
    return { cursor: { firstBatch: batch, id, ns } };
  },
  dropIndexes: function dropIndexes(command, { engine, db }) {
    const name = collectionName(command);
    const collection = engine.collection(db, name);
    if (!collection) throw new CommandError(26, `ns not found ${db}.${name}`);
    refuseView(collection);
    const nIndexesWas = collection.indexes.size;
    const target = command.index;
    const indexes = [...collection.indexes.values()];
    let names: string[];
    if (target === '*') names = indexes.map((index) => index.name).filter((n) => n !== '_id_');
    else if (typeof target === 'string') names = [target];
    else if (Array.isArray(target)) names = target.map(String);
    else if (target && typeof target === 'object') {
      const found = indexes.find((index) => JSON.stringify(index.definition.key) === JSON.stringify(target));
      if (!found) throw new CommandError(27, `can't find index with key: ${JSON.stringify(target)}`);
      names = [found.name];
    } else throw new CommandError(14, "BSON field 'dropIndexes.index' is the wrong type");
    for (const indexName of names) {
      if (indexName === '_id_') throw new CommandError(72, 'cannot drop _id index');
      if (!collection.indexes.has(indexName))
        throw new CommandError(27, `index not found with name [${indexName}]`);
    }
    for (const indexName of names) engine.dropIndex(collection, indexName);
    return { nIndexesWas };
  },
};
