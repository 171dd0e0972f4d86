import type {
  AggregateOptions,
  BulkWriteOptions,
  ClientBulkWriteModel,
  ClientBulkWriteOptions,
  Collection,
  CountDocumentsOptions,
  CountOptions,
  CreateCollectionOptions,
  CreateIndexesOptions,
  Db,
  DeleteOptions,
  DistinctOptions,
  Document,
  DropCollectionOptions,
  EstimatedDocumentCountOptions,
  FindOneAndDeleteOptions,
  FindOneAndReplaceOptions,
  FindOneAndUpdateOptions,
  FindOptions,
  InsertOneOptions,
  MongoClient,
  ReplaceOptions,
  UpdateOptions,
} from 'mongodb';
import type { Entities } from './entities.ts';
import type { Arguments, Operation } from './format.ts';

/**
 * The CRUD operations of the unified test format (source/crud/crud.md names), each mapped to the
 * official Node.js driver's method with the test's other arguments as its options.
 */

type Runner = (args: Arguments) => Promise<unknown>;

function returnDocument(options: Arguments): Arguments {
  const value = options.returnDocument;
  return typeof value === 'string' ? { ...options, returnDocument: value.toLowerCase() } : options;
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`missing argument ${name}`);
  return value;
}

function collectionOps(c: Collection): Record<string, Runner> {
  return {
    aggregate: ({ pipeline, ...o }) => c.aggregate(pipeline, o as AggregateOptions).toArray(),
    bulkWrite: ({ requests, ...o }) => c.bulkWrite(required(requests, 'requests'), o as BulkWriteOptions),
    count: ({ filter, ...o }) => c.count(filter, o as CountOptions),
    countDocuments: ({ filter, ...o }) => c.countDocuments(filter, o as CountDocumentsOptions),
    estimatedDocumentCount: (o) => c.estimatedDocumentCount(o as EstimatedDocumentCountOptions),
    deleteMany: ({ filter, ...o }) => c.deleteMany(filter, o as DeleteOptions),
    deleteOne: ({ filter, ...o }) => c.deleteOne(filter, o as DeleteOptions),
    distinct: ({ fieldName, filter, ...o }) =>
      c.distinct(required(fieldName, 'fieldName'), filter ?? {}, o as DistinctOptions),
    find: ({ filter, ...o }) => c.find(filter ?? {}, o as FindOptions).toArray(),
    findOne: ({ filter, ...o }) => c.findOne(filter ?? {}, o as FindOptions),
    findOneAndDelete: ({ filter, ...o }) => c.findOneAndDelete(filter ?? {}, o as FindOneAndDeleteOptions),
    findOneAndReplace: ({ filter, replacement, ...o }) =>
      c.findOneAndReplace(
        filter ?? {},
        required(replacement, 'replacement'),
        returnDocument(o) as FindOneAndReplaceOptions,
      ),
    findOneAndUpdate: ({ filter, update, ...o }) =>
      c.findOneAndUpdate(
        filter ?? {},
        required(update, 'update'),
        returnDocument(o) as FindOneAndUpdateOptions,
      ),
    insertMany: ({ documents, ...o }) =>
      c.insertMany(required(documents, 'documents'), o as BulkWriteOptions),
    insertOne: ({ document, ...o }) => c.insertOne(required(document, 'document'), o as InsertOneOptions),
    replaceOne: ({ filter, replacement, ...o }) =>
      c.replaceOne(filter ?? {}, required(replacement, 'replacement'), o as ReplaceOptions),
    updateMany: ({ filter, update, ...o }) =>
      c.updateMany(filter ?? {}, required(update, 'update'), o as UpdateOptions),
    updateOne: ({ filter, update, ...o }) =>
      c.updateOne(filter ?? {}, required(update, 'update'), o as UpdateOptions),
    createIndex: ({ keys, ...o }) => c.createIndex(required(keys, 'keys'), o as CreateIndexesOptions),
  };
}

function databaseOps(db: Db): Record<string, Runner> {
  return {
    aggregate: ({ pipeline, ...o }) => db.aggregate(pipeline, o as AggregateOptions).toArray(),
    createCollection: ({ collection, ...o }) =>
      db
        .createCollection(required(collection, 'collection'), o as CreateCollectionOptions)
        .then(() => undefined),
    dropCollection: ({ collection, ...o }) =>
      db.dropCollection(required(collection, 'collection'), o as DropCollectionOptions),
    modifyCollection: ({ collection, ...o }) => db.command({ collMod: collection, ...o }),
    runCommand: ({ command }) => db.command(required(command, 'command')),
  };
}

/** `{insertOne: {namespace, document}}` (the format) as the driver's `{name: 'insertOne', namespace, document}`. */
function clientModel(model: Record<string, Document>): ClientBulkWriteModel {
  const [name, fields] = Object.entries(model)[0] ?? [];
  if (!name || !fields) throw new Error('empty client bulk write model');
  return { name, ...fields } as ClientBulkWriteModel;
}

/**
 * A client bulk write result without the Node.js driver's own `didUpsert` (results_merger.js adds
 * it to each update result; the CRUD spec's UpdateResult has no such field, the server sends none).
 */
export function specClientBulkWriteResult(result: unknown): unknown {
  const updates = (result as { updateResults?: Map<number, Document> } | undefined)?.updateResults;
  if (!(updates instanceof Map)) return result;
  const stripped = new Map(
    [...updates].map(([index, { didUpsert: _didUpsert, ...rest }]) => [index, rest] as const),
  );
  return { ...(result as Document), updateResults: stripped };
}

function clientOps(client: MongoClient): Record<string, Runner> {
  return {
    clientBulkWrite: async ({ models, ...o }) =>
      specClientBulkWriteResult(
        await client.bulkWrite(required(models, 'models').map(clientModel), o as ClientBulkWriteOptions),
      ),
  };
}

/** Runs one operation of a test and returns its result (or throws what the driver threw). */
export async function runOperation(entities: Entities, operation: Operation): Promise<unknown> {
  const args = operation.arguments ?? {};
  const target = operation.object;
  if (target === 'testRunner') {
    if (operation.name !== 'failPoint') throw new Error(`unsupported testRunner operation ${operation.name}`);
    const client = entities.clients.get(required(args.client, 'client')) as MongoClient;
    const failPoint = required(args.failPoint, 'failPoint');
    entities.failPoints.push({ client, name: failPoint.configureFailPoint });
    return client.db('admin').command(failPoint);
  }
  const collection = entities.collections.get(target);
  const db = entities.databases.get(target);
  const client = entities.clients.get(target);
  const ops = collection ? collectionOps(collection) : db ? databaseOps(db) : client ? clientOps(client) : {};
  const run = ops[operation.name];
  if (!run) throw new Error(`unsupported operation ${operation.name} on ${target}`);
  return run(args);
}
