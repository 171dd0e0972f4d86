import type { Document } from 'bson';
import { Aggregator } from 'mingo';
import { CommandError } from '../errors.ts';
import type { Engine } from '../storage/engine.ts';
import { selectRecords } from '../storage/query-exec.ts';
import { sessionsOf } from './local-sessions.ts';
import { writeMerge, writeOut } from './pipeline-output.ts';
import { restoreStoredTypes } from './pipeline-types.ts';
import type { QueryOptions } from './query-options.ts';
import { isView, resolveView } from './views.ts';

/** Stages whose result a collation cannot change (or that mingo sorts with it). */
const COLLATION_SAFE = new Set(['$sort', '$limit', '$skip', '$count', '$unset']);

function inclusionOnly(spec: unknown): boolean {
  return Object.values(spec as Document).every((value) => [0, 1, true, false].includes(value as number));
}

/** A `$group` by a constant that only counts or sums constants (what countDocuments sends). */
function constantGroup(spec: Document): boolean {
  const { _id, ...accumulators } = spec;
  const constant = (value: unknown) =>
    value === null || typeof value === 'number' || typeof value === 'boolean';
  return (
    constant(_id) &&
    Object.values(accumulators).every((acc) => {
      const entries = Object.entries(acc as Document);
      return entries.length === 1 && entries[0]?.[0] === '$sum' && typeof entries[0][1] === 'number';
    })
  );
}

function checkCollatedStages(stages: Document[]): void {
  for (const stage of stages) {
    const name = Object.keys(stage)[0] as string;
    if (COLLATION_SAFE.has(name) || (name === '$project' && inclusionOnly(stage.$project))) continue;
    if (name === '$group' && constantGroup(stage.$group as Document)) continue;
    throw new CommandError(238, `The embedded server does not implement ${name} with a non-simple collation`);
  }
}

/** The documents a pipeline starts from: the collection (a leading `$match` through the planner), or the server's sessions. */
function source(engine: Engine, db: string, name: string, pipeline: Document[], options: QueryOptions) {
  const [first, ...rest] = pipeline;
  if (first && '$listLocalSessions' in first) {
    if (db !== 'admin' || name !== '') {
      throw new CommandError(
        50890,
        '$listLocalSessions must be run against the admin database with {aggregate: 1}',
      );
    }
    return { input: sessionsOf(engine).list(), stages: rest, collection: undefined };
  }
  const collection = engine.collection(db, name);
  if (collection && isView(collection)) {
    const { base, stages } = resolveView(engine, collection);
    const input = base ? selectRecords(base, options).matches.map((match) => match.doc) : [];
    return { input, stages: [...stages, ...pipeline], collection: base };
  }
  const leadingMatch = first?.$match as Document | undefined;
  const input = collection
    ? selectRecords(collection, { filter: leadingMatch, ...options }).matches.map((match) => match.doc)
    : [];
  return { input, stages: leadingMatch ? rest : pipeline, collection };
}

/**
 * Runs a pipeline with mingo, with the command's `let` as variables; `$lookup` reads sibling
 * collections; a final `$out` or `$merge` writes the results (and the cursor is then empty).
 */
export function runPipeline(
  engine: Engine,
  db: string,
  name: string,
  pipeline: Document[],
  options: QueryOptions,
): Document[] {
  const { input, stages, collection } = source(engine, db, name, pipeline, options);
  const last = stages.at(-1);
  const writer = last && ('$out' in last || '$merge' in last) ? last : undefined;
  const body = writer ? stages.slice(0, -1) : stages;
  for (const stage of body) {
    const stageName = Object.keys(stage)[0];
    if (stageName === '$out' || stageName === '$merge')
      throw new CommandError(40601, `${stageName} can only be the final stage in the pipeline`);
    if (stageName === '$listLocalSessions')
      throw new CommandError(40602, '$listLocalSessions is only valid as the first stage in a pipeline');
  }
  if (options.collation) checkCollatedStages(body);
  const aggregator = new Aggregator(body, {
    collectionResolver: (other: string) => {
      const collection = engine.collection(db, other);
      if (isView(collection)) return runPipeline(engine, db, other, [], {});
      return collection ? selectRecords(collection, {}).matches.map((match) => match.doc) : [];
    },
    variables: options.variables,
    ...(options.collation
      ? { collation: { locale: options.collation.locale, strength: options.collation.strength } }
      : {}),
  });
  const docs = aggregator.run<Document>(input);
  // $merge evaluates its whenMatched pipeline on the results ($$new), so they stay plain numbers.
  if (!writer || '$out' in writer) restoreStoredTypes(collection, body, docs);
  if (!writer) return docs;
  if ('$out' in writer) writeOut(engine, db, writer.$out, docs);
  else writeMerge(engine, db, writer.$merge, docs);
  return [];
}
