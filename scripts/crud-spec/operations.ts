import type { AnyBulkWriteOperation, Collection, Db, Document, MongoClient } from 'mongodb';
import type { Entities } from './entities.ts';

/**
 * The CRUD operations of the unified test format (source/crud/crud.md names), each mapped to the
 * official Node.js driver's method with the test's arguments as its options.
 */

type Args = Document;

function returnDocument(args: Args): Args {
  if (typeof args.returnDocument !== 'string') return args;
  return { ...args, returnDocument: args.returnDocument.toLowerCase() };
}

function collectionOps(c: Collection): Record<string, (args: Args) => Promise<unknown>> {
  return {
    aggregate: ({ pipeline, ...o }) => c.aggregate(pipeline, o).toArray(),
    bulkWrite: ({ requests, ...o }) => c.bulkWrite(requests as AnyBulkWriteOperation[], o),
    count: ({ filter, ...o }) => c.count(filter, o),
    countDocuments: ({ filter, ...o }) => c.countDocuments(filter, o),
    estimatedDocumentCount: (o) => c.estimatedDocumentCount(o),
    deleteMany: ({ filter, ...o }) => c.deleteMany(filter, o),
    deleteOne: ({ filter, ...o }) => c.deleteOne(filter, o),
    distinct: ({ fieldName, filter, ...o }) => c.distinct(fieldName, filter, o),
    find: ({ filter, ...o }) => c.find(filter, o).toArray(),
    findOne: ({ filter, ...o }) => c.findOne(filter, o),
    findOneAndDelete: ({ filter, ...o }) => c.findOneAndDelete(filter, o),
    findOneAndReplace: ({ filter, replacement, ...o }) =>
      c.findOneAndReplace(filter, replacement, returnDocument(o)),
    findOneAndUpdate: ({ filter, update, ...o }) => c.findOneAndUpdate(filter, update, returnDocument(o)),
    insertMany: ({ documents, ...o }) => c.insertMany(documents, o),
    insertOne: ({ document, ...o }) => c.insertOne(document, o),
    replaceOne: ({ filter, replacement, ...o }) => c.replaceOne(filter, replacement, o),
    updateMany: ({ filter, update, ...o }) => c.updateMany(filter, update, o),
    updateOne: ({ filter, update, ...o }) => c.updateOne(filter, update, o),
    createIndex: ({ keys, ...o }) => c.createIndex(keys, o),
  };
}

function databaseOps(db: Db): Record<string, (args: Args) => Promise<unknown>> {
  return {
    aggregate: ({ pipeline, ...o }) => db.aggregate(pipeline, o).toArray(),
    createCollection: ({ collection, ...o }) => db.createCollection(collection, o).then(() => undefined),
    dropCollection: ({ collection, ...o }) => db.dropCollection(collection, o),
    modifyCollection: ({ collection, ...o }) => db.command({ collMod: collection, ...o }),
    runCommand: ({ command }) => db.command(command),
  };
}

function clientOps(client: MongoClient): Record<string, (args: Args) => Promise<unknown>> {
  return {
    clientBulkWrite: ({ models, ...o }) => client.bulkWrite(models, o),
  };
}

/** Runs one operation of a test and returns its result (or throws what the driver threw). */
export async function runOperation(entities: Entities, operation: Document): Promise<unknown> {
  const args = (operation.arguments ?? {}) as Args;
  const target = operation.object as string;
  if (target === 'testRunner') {
    if (operation.name !== 'failPoint') throw new Error(`unsupported testRunner operation ${operation.name}`);
    const client = entities.clients.get(args.client) as MongoClient;
    entities.failPoints.push({ client, name: args.failPoint.configureFailPoint });
    return client.db('admin').command(args.failPoint);
  }
  const collection = entities.collections.get(target);
  const db = entities.databases.get(target);
  const client = entities.clients.get(target);
  const ops = collection ? collectionOps(collection) : db ? databaseOps(db) : client ? clientOps(client) : {};
  const run = ops[operation.name];
  if (!run) throw new Error(`unsupported operation ${operation.name} on ${target}`);
  return run(args);
}
