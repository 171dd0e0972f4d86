import type { Document } from 'bson';
import { cursorReply } from '../cursors/cursor-reply.ts';
import { ArraySource } from '../cursors/cursor-store.ts';
import { TailSource } from '../cursors/tail-source.ts';
import { CommandError } from '../errors.ts';
import type { Collection } from '../storage/collection.ts';
import { findDocuments, selectRecords } from '../storage/query-exec.ts';
import { collectionName, optionalBoolean, optionalCount, optionalDocument, optionalNumber } from './args.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { runPipeline } from './pipeline.ts';
import { queryOptions } from './query-options.ts';
import { findAsPipeline, isView, refuseView } from './views.ts';
import { documentMatcher } from '../query/simple-match.ts';

function readFind(command: Document, collection: Collection | undefined) {
  const limit = optionalNumber(command, 'limit');
  return {
    ...queryOptions(collection, command),
    filter: optionalDocument(command, 'filter') ?? {},
    sort: optionalDocument(command, 'sort'),
    projection: optionalDocument(command, 'projection'),
    skip: optionalCount(command, 'skip'),
    limit: limit === undefined ? undefined : Math.abs(limit),
    batchSize: optionalCount(command, 'batchSize'),
    singleBatch: (optionalBoolean(command, 'singleBatch') ?? false) || (limit !== undefined && limit < 0),
    tailable: optionalBoolean(command, 'tailable') ?? false,
    awaitData: optionalBoolean(command, 'awaitData') ?? false,
  };
}

function tail(collection: Collection, spec: ReturnType<typeof readFind>, context: CommandContext) {
  if (spec.collation || spec.variables) {
    throw new CommandError(
      238,
      'The embedded server does not implement collation or let on tailable cursors',
    );
  }
  refuseView(collection);
  if (!collection.options.capped) {
    throw new CommandError(
      2,
      `error processing query: ns=${collection.ns} tailable cursor requested on non capped collection`,
    );
  }
  const matches = Object.keys(spec.filter).length > 0 ? documentMatcher(spec.filter) : undefined;
  const source = new TailSource(collection, matches, spec.projection, 0, context.closing);
  return context.cursors.first(collection.ns, source, spec.batchSize, spec.awaitData);
}

/** Describes the plan a find would use, with what it examined (the `explain` command). */
function explainFind(command: Document, context: CommandContext): Document {
  const collection = context.engine.collection(context.db, collectionName(command));
  refuseView(collection);
  const spec = readFind(command, collection);
  const namespace = `${context.db}.${collectionName(command)}`;
  if (!collection)
    return { queryPlanner: { namespace, winningPlan: { stage: 'EOF' } }, executionStats: { nReturned: 0 } };
  const before = collection.docsExamined;
  const { plan, matches } = selectRecords(collection, spec);
  const scan = plan.index
    ? {
        stage: 'IXSCAN',
        indexName: plan.index.name,
        keyPattern: plan.index.definition.key,
        direction: plan.reverse ? 'backward' : 'forward',
      }
    : { stage: 'COLLSCAN' };
  const winningPlan = plan.index ? { stage: 'FETCH', inputStage: scan } : scan;
  return {
    queryPlanner: { namespace, winningPlan, rejectedPlans: [] },
    executionStats: {
      nReturned: matches.length,
      totalDocsExamined: collection.docsExamined - before,
      sortInMemory: !plan.sorted,
    },
  };
}

/** `find` (with tailable/awaitData on capped collections) and `explain` of a find. */
export const findCommands: Record<string, CommandHandler> = {
  find: function find(command, context) {
    const name = collectionName(command);
    const collection = context.engine.collection(context.db, name);
    const spec = readFind(command, collection);
    const ns = `${context.db}.${name}`;
    if (collection && spec.tailable) {
      const { id, batch } = tail(collection, spec, context);
      return { cursor: { firstBatch: batch, id, ns } };
    }
    const docs = isView(collection)
      ? runPipeline(context.engine, context.db, name, findAsPipeline(spec), spec)
      : collection
        ? findDocuments(collection, spec, spec.projection)
        : [];
    const { id, batch } = context.cursors.first(
      ns,
      new ArraySource(docs),
      spec.batchSize,
      false,
      spec.singleBatch,
    );
    return cursorReply('firstBatch', batch, id, ns);
  },
  explain: function explain(command, context) {
    const inner = optionalDocument(command, 'explain');
    if (!inner || Object.keys(inner)[0] !== 'find') {
      throw new CommandError(115, 'explain is supported for find only on the embedded server');
    }
    return explainFind(inner, context);
  },
};
