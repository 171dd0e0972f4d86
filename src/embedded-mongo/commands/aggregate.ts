import type { Document } from 'bson';
import { Aggregator } from 'mingo';
import { isEqual } from 'mingo/util';
import { ArraySource } from '../cursors/cursor-store.ts';
import { CommandError } from '../errors.ts';
import { type Collation, foldValue } from '../query/collation.ts';
import type { Engine } from '../storage/engine.ts';
import { type Selection, selectRecords } from '../storage/query-exec.ts';
import { collectionName, optionalCount, optionalDocument, optionalNumber } from './args.ts';
import type { CommandHandler } from './context.ts';
import { runPipeline } from './pipeline.ts';
import { queryOptions } from './query-options.ts';
import { findAsPipeline, isView } from './views.ts';

function allDocuments(engine: Engine, db: string, name: string, selection: Selection = {}): Document[] {
  const collection = engine.collection(db, name);
  return collection ? selectRecords(collection, selection).matches.map((match) => match.doc) : [];
}

function distinctValues(docs: Document[], key: string, collation: Collation | undefined): unknown[] {
  const [result] = new Aggregator(
    [
      { $unwind: { path: `$${key}`, preserveNullAndEmptyArrays: false } },
      { $group: { _id: null, values: { $push: `$${key}` } } },
    ],
    {},
  ).run<Document>(docs);
  const values = (result?.values as unknown[] | undefined) ?? [];
  const seen: unknown[] = [];
  const out: unknown[] = [];
  for (const value of values) {
    const folded = collation ? foldValue(value, collation) : value;
    if (seen.some((other) => isEqual(other, folded))) continue;
    seen.push(folded);
    out.push(value);
  }
  return out;
}

/** `aggregate` (cursor replies), `count` and `distinct`. */
export const aggregateCommands: Record<string, CommandHandler> = {
  aggregate: function aggregate(command, { engine, cursors, db }) {
    const pipeline = command.pipeline;
    if (!Array.isArray(pipeline))
      throw new CommandError(14, "'pipeline' option must be specified as an array");
    const cursorSpec = optionalDocument(command, 'cursor');
    if (!cursorSpec && command.explain !== true) {
      throw new CommandError(
        9,
        "The 'cursor' option is required, except for aggregate with the explain argument",
      );
    }
    const name = command.aggregate === 1 ? '' : collectionName(command);
    const options = queryOptions(engine.collection(db, name), command);
    const docs = runPipeline(engine, db, name, pipeline as Document[], options);
    const ns = `${db}.${name || '$cmd.aggregate'}`;
    const { id, batch } = cursors.first(
      ns,
      new ArraySource(docs),
      optionalCount(cursorSpec ?? {}, 'batchSize'),
    );
    return { cursor: { firstBatch: batch, id, ns } };
  },
  count: function count(command, { engine, db }) {
    const collection = engine.collection(db, collectionName(command));
    const options = queryOptions(collection, command);
    if (!collection) return { n: 0 };
    const query = optionalDocument(command, 'query') ?? {};
    const skip = optionalCount(command, 'skip') ?? 0;
    const limit = Math.abs(optionalNumber(command, 'limit') ?? 0);
    if (isView(collection)) {
      const stages = findAsPipeline({ filter: query, skip, limit });
      return { n: runPipeline(engine, db, collection.name, stages, options).length };
    }
    if (Object.keys(query).length === 0) {
      const total = Math.max(0, collection.records.size - skip);
      return { n: limit > 0 ? Math.min(limit, total) : total };
    }
    return { n: selectRecords(collection, { filter: query, skip, limit, ...options }).matches.length };
  },
  distinct: function distinct(command, { engine, db }) {
    const key = command.key;
    if (typeof key !== 'string')
      throw new CommandError(14, "BSON field 'distinct.key' is the wrong type, expected type 'string'");
    const name = collectionName(command);
    const options = queryOptions(engine.collection(db, name), command);
    const filter = optionalDocument(command, 'query');
    const docs = isView(engine.collection(db, name))
      ? runPipeline(engine, db, name, findAsPipeline({ filter }), options)
      : allDocuments(engine, db, name, { filter, ...options });
    return { values: distinctValues(docs, key, options.collation) };
  },
};
