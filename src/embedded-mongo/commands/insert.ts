import { type Document, ObjectId } from 'bson';
import { CommandError } from '../errors.ts';
import type { Collection } from '../storage/collection.ts';
import type { Engine } from '../storage/engine.ts';
import { rawOf } from '../wire/raw-documents.ts';
import { writableCollection } from './views.ts';
import { collectionName, optionalBoolean, requiredArray } from './args.ts';
import type { CommandHandler } from './context.ts';
import { runStatements, withWriteErrors } from './write-batch.ts';

/** mongod's storage validation: an `_id` may not hold `$`-prefixed field names at any depth. */
export function checkIdFields(id: unknown): void {
  if (id === null || typeof id !== 'object' || (id as { _bsontype?: string })._bsontype || id instanceof Date)
    return;
  for (const [key, value] of Object.entries(id)) {
    if (key.startsWith('$')) {
      throw new CommandError(
        52,
        `_id fields may not contain '$'-prefixed fields: ${key} is not valid for storage.`,
      );
    }
    checkIdFields(value);
  }
}

/** Gives a document an `_id` (first, as mongod stores it) when the client did not. */
export function withId(doc: Document): Document {
  if (Array.isArray(doc._id)) throw new CommandError(2, "can't use an array for _id");
  checkIdFields(doc._id);
  if (doc._id === undefined) return { _id: new ObjectId(), ...doc };
  if (Object.keys(doc)[0] === '_id') return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

/** Inserts one client document, stored as the bytes the client sent when it needed no `_id`. */
export function insertDocument(engine: Engine, collection: Collection, doc: Document): void {
  const prepared = withId(doc);
  // Unchanged documents are stored as the bytes the client sent: their BSON types stay exact.
  engine.insert(collection, prepared, prepared === doc ? rawOf(doc) : undefined);
}

/** `insert`: each document is checked against every unique index before it is stored. */
export const insertCommands: Record<string, CommandHandler> = {
  insert: function insert(command, { engine, db }) {
    const documents = requiredArray(command, 'documents');
    const collection = writableCollection(engine, db, collectionName(command));
    let n = 0;
    const writeErrors = runStatements(documents, optionalBoolean(command, 'ordered') ?? true, (doc) => {
      insertDocument(engine, collection, doc);
      n++;
    });
    return withWriteErrors({ n }, writeErrors);
  },
};
