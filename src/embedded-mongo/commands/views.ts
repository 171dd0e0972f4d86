import type { Document } from 'bson';
import { CommandError } from '../errors.ts';
import type { Collection } from '../storage/collection.ts';
import type { Engine } from '../storage/engine.ts';

/**
 * Read-only views (https://www.mongodb.com/docs/v7.0/core/views/): a catalog entry with
 * `viewOn` and `pipeline`, stored like a collection's options (so it is journaled and
 * snapshotted with them). Reads run the view's pipeline over its source (views on views
 * resolve to the base collection); writes and index commands answer CommandNotSupportedOnView.
 */

const MAX_DEPTH = 20;

export function isView(collection: Collection | undefined): boolean {
  return typeof collection?.options.viewOn === 'string';
}

/** Throws CommandNotSupportedOnView (166) when `collection` is a view. */
export function refuseView(collection: Collection | undefined): void {
  if (collection && isView(collection)) {
    throw new CommandError(166, `Namespace ${collection.ns} is a view, not a collection`);
  }
}

/** The collection a write goes to, created on first use; a view is refused. */
export function writableCollection(engine: Engine, db: string, name: string): Collection {
  const collection = engine.ensureCollection(db, name);
  refuseView(collection);
  return collection;
}

/** The base collection under a view (possibly missing) and the stages that lead from it to the view. */
export function resolveView(
  engine: Engine,
  view: Collection,
): { base: Collection | undefined; stages: Document[] } {
  let stages: Document[] = [];
  let current: Collection | undefined = view;
  for (let depth = 0; current && isView(current); depth++) {
    if (depth >= MAX_DEPTH)
      throw new CommandError(2, `View depth too deep or view cycle detected: ${view.ns}`);
    stages = [...(current.options.pipeline ?? []), ...stages];
    current = engine.collection(current.db, current.options.viewOn as string);
  }
  return { base: current, stages };
}

/** Checks a `create` with `viewOn`/`pipeline` and returns the view's options. */
export function viewOptions(command: Document): { viewOn: string; pipeline: Document[] } {
  const { viewOn, pipeline = [] } = command;
  if (typeof viewOn !== 'string' || viewOn.length === 0) {
    throw new CommandError(9, "'viewOn' must be a non-empty string to create a view");
  }
  if (!Array.isArray(pipeline) || pipeline.some((stage) => !stage || typeof stage !== 'object')) {
    throw new CommandError(14, "'pipeline' must be an array of stages");
  }
  for (const stage of pipeline as Document[]) {
    const name = Object.keys(stage)[0];
    if (name === '$out' || name === '$merge')
      throw new CommandError(2, `${name} cannot be used in a view definition`);
  }
  for (const option of ['capped', 'size', 'max']) {
    if (command[option] !== undefined)
      throw new CommandError(72, `option '${option}' is not valid for a view`);
  }
  return { viewOn, pipeline: pipeline as Document[] };
}

/** A find on a view, as the aggregation mongod runs for it. */
export function findAsPipeline(find: {
  filter?: Document;
  sort?: Document;
  skip?: number;
  limit?: number;
  projection?: Document;
}): Document[] {
  const stages: Document[] = [];
  if (find.filter && Object.keys(find.filter).length > 0) stages.push({ $match: find.filter });
  if (find.sort && Object.keys(find.sort).length > 0) stages.push({ $sort: find.sort });
  if (find.skip) stages.push({ $skip: find.skip });
  if (find.limit) stages.push({ $limit: find.limit });
  if (find.projection && Object.keys(find.projection).length > 0) stages.push({ $project: find.projection });
  return stages;
}
