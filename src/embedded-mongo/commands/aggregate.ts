import type { Document } from 'bson';
import { Aggregator } from 'mingo';
import { ArraySource } from '../cursors/cursor-store.ts';
import { CommandError } from '../errors.ts';
import type { Engine } from '../storage/engine.ts';
import { selectRecords } from '../storage/query-exec.ts';
import { collectionName, optionalCount, optionalDocument, optionalNumber } from './args.ts';
import type { CommandHandler } from './context.ts';

function allDocuments(engine: Engine, db: string, name: string, filter: Document = {}): Document[] {
  const collection = engine.collection(db, name);
  return collection ? selectRecords(collection, { filter }).matches.map((match) => match.doc) : [];
}

/**
 * Runs a pipeline with mingo. A leading `$match` is served by the planner (indexes), and
 * `$lookup` reads sibling collections of the same database.
 */
function runPipeline(engine: Engine, db: string, name: string, pipeline: Document[]): Document[] {
  const [first, ...rest] = pipeline;
  const leadingMatch = first?.$match as Document | undefined;
  const input = allDocuments(engine, db, name, leadingMatch);
  const stages = leadingMatch ? rest : pipeline;
  if (stages.some((stage) => '$out' in stage || '$merge' in stage)) {
    throw new CommandError(115, '$out and $merge are not supported by the embedded server');
  }
  const aggregator = new Aggregator(stages, {
    collectionResolver: (other: string) => allDocuments(engine, db, other),
  });
  return aggregator.run<Document>(input);
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
    const docs = runPipeline(engine, db, name, pipeline as Document[]);
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
    if (!collection) return { n: 0 };
    const query = optionalDocument(command, 'query') ?? {};
    const skip = optionalCount(command, 'skip') ?? 0;
    const limit = Math.abs(optionalNumber(command, 'limit') ?? 0);
    if (Object.keys(query).length === 0) {
      const total = Math.max(0, collection.records.size - skip);
      return { n: limit > 0 ? Math.min(limit, total) : total };
    }
    return { n: selectRecords(collection, { filter: query, skip, limit }).matches.length };
  },
  distinct: function distinct(command, { engine, db }) {
    const key = command.key;
    if (typeof key !== 'string')
      throw new CommandError(14, "BSON field 'distinct.key' is the wrong type, expected type 'string'");
    const docs = allDocuments(engine, db, collectionName(command), optionalDocument(command, 'query'));
    const [result] = new Aggregator(
      [
        { $unwind: { path: `$${key}`, preserveNullAndEmptyArrays: false } },
        { $group: { _id: null, values: { $addToSet: `$${key}` } } },
      ],
      {},
    ).run<Document>(docs);
    return { values: (result?.values as unknown[] | undefined) ?? [] };
  },
};
