import type { Document } from 'bson';
import { CommandError } from '../errors.ts';
import type { Collection } from '../storage/collection.ts';
import type { Engine } from '../storage/engine.ts';
import { selectRecords } from '../storage/query-exec.ts';
import { collectionName, optionalBoolean, optionalDocument, requiredArray } from './args.ts';
import type { CommandHandler } from './context.ts';
import { typedOf } from '../wire/raw-documents.ts';
import { queryOptions } from './query-options.ts';
import { applyOperandTypes, typedUpdate, typeUpdated } from './update-types.ts';
import { writableCollection } from './views.ts';
import { applyUpdate, isReplacement, rewritten, upsertSeed, validateUpdate } from './update-apply.ts';
import { runStatements, withWriteErrors } from './write-batch.ts';

/**
 * MongoDB 8.0's `sort` picks which match a single-document update changes; with `multi` it fails
 * the whole command before any statement runs (as mongod's parse does), not as a write error.
 */
export function refuseSortWithMulti(statements: Document[]): void {
  for (const statement of statements) {
    if (optionalDocument(statement, 'sort') && optionalBoolean(statement, 'multi')) {
      throw new CommandError(9, 'Cannot specify sort with multi=true');
    }
  }
}

export interface UpdateCounts {
  n: number;
  nModified: number;
  upserted: Document[];
}

/**
 * Runs one update statement (`{q, u, c, multi, upsert, arrayFilters, hint, collation, sort}`)
 * with `command`'s `let`; `typedOfStatement` finds the client's typed decode of the statement
 * (the client-level bulkWrite maps its own op shape onto a statement).
 */
export function runUpdate(
  engine: Engine,
  collection: Collection,
  statement: Document,
  index: number,
  counts: UpdateCounts,
  command: Document,
  typedOfStatement: (doc: object) => Record<string, unknown> | undefined = typedOf,
): void {
  const options = queryOptions(collection, statement, command.let, statement.c);
  const typed = typedUpdate(command, statement, typedOfStatement);
  const query = optionalDocument(statement, 'q') ?? {};
  const spec = validateUpdate(statement.u);
  const multi = optionalBoolean(statement, 'multi') ?? false;
  const sort = optionalDocument(statement, 'sort');
  const arrayFilters = statement.arrayFilters as Document[] | undefined;
  if (multi && !Array.isArray(spec) && !Object.keys(spec).every((key) => key.startsWith('$'))) {
    throw new CommandError(9, 'multi update is not supported for replacement-style update');
  }
  const { matches } = selectRecords(collection, {
    filter: query,
    limit: multi ? 0 : 1,
    sort,
    ...options,
  });
  for (const { rid, doc } of matches) {
    const before = collection.records.get(rid) as Uint8Array;
    const next = applyUpdate(doc, spec, { query, inserting: false, arrayFilters, ...options });
    counts.n++;
    typeUpdated(next, typed, before);
    const bytes = rewritten(before, next);
    if (bytes) {
      engine.replace(collection, rid, next, isReplacement(spec), bytes);
      counts.nModified++;
    }
  }
  if (matches.length === 0 && optionalBoolean(statement, 'upsert')) {
    const doc = applyUpdate(upsertSeed(query), spec, { inserting: true, arrayFilters, ...options });
    applyOperandTypes(doc, typed, {}, true);
    engine.insert(collection, doc);
    counts.n++;
    counts.upserted.push({ index, _id: doc._id });
  }
}

/** `update`: operator, replacement and pipeline updates, `multi` and `upsert`, per statement. */
export const updateCommands: Record<string, CommandHandler> = {
  update: function update(command, { engine, db }) {
    const statements = requiredArray(command, 'updates');
    refuseSortWithMulti(statements);
    const collection = writableCollection(engine, db, collectionName(command));
    const counts: UpdateCounts = { n: 0, nModified: 0, upserted: [] };
    const writeErrors = runStatements(
      statements,
      optionalBoolean(command, 'ordered') ?? true,
      (statement, index) => runUpdate(engine, collection, statement, index, counts, command),
    );
    const reply: Document = { n: counts.n, nModified: counts.nModified };
    if (counts.upserted.length > 0) reply.upserted = counts.upserted;
    return withWriteErrors(reply, writeErrors);
  },
};
