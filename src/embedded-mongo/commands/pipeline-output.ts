import { type Document, ObjectId } from 'bson';
import { Aggregator } from 'mingo';
import { isEqual, resolve } from 'mingo/util';
import { CommandError } from '../errors.ts';
import { restoreNumericTypes } from '../query/numeric-types.ts';
import type { Collection } from '../storage/collection.ts';
import { duplicateKeyError } from '../storage/duplicate-key.ts';
import type { Engine } from '../storage/engine.ts';
import { writableCollection } from './views.ts';

/**
 * The write stages that end a pipeline: `$out` replaces a collection with the results, `$merge`
 * folds them into one (https://www.mongodb.com/docs/v7.0/reference/operator/aggregation/merge/).
 * Both write through the engine, so indexes, uniqueness and the journal apply as for any write.
 */

function target(spec: unknown, db: string, stage: string): { db: string; coll: string } {
  if (typeof spec === 'string') return { db, coll: spec };
  const named = spec as Document | undefined;
  const coll = stage === '$out' ? named?.coll : named?.into;
  if (typeof coll === 'string') return { db, coll };
  if (coll && typeof coll === 'object' && typeof (coll as Document).coll === 'string') {
    return {
      db: ((coll as Document).db as string | undefined) ?? db,
      coll: (coll as Document).coll as string,
    };
  }
  if (named && typeof named.db === 'string' && typeof named.coll === 'string')
    return { db: named.db, coll: named.coll };
  throw new CommandError(14, `${stage} requires the name of the target collection`);
}

function withId(doc: Document): Document {
  return doc._id === undefined ? { _id: new ObjectId(), ...doc } : doc;
}

/** `$out`: the target holds exactly the results afterwards (its indexes stay). */
export function writeOut(engine: Engine, db: string, spec: unknown, docs: Document[]): void {
  const where = target(spec, db, '$out');
  const collection = writableCollection(engine, where.db, where.coll);
  if (collection.options.capped)
    throw new CommandError(17152, `namespace '${collection.ns}' is capped so it can't be used for $out`);
  for (const rid of [...collection.records.keys()]) engine.remove(collection, rid);
  for (const doc of docs) engine.insert(collection, withId(doc));
}

function findMatch(collection: Collection, doc: Document, on: string[]): number | undefined {
  if (on.length === 1 && on[0] === '_id') return collection.ridOfId(doc._id);
  for (const [rid] of collection.records) {
    const existing = collection.read(rid) as Document;
    if (on.every((field) => isEqual(resolve(existing, field), resolve(doc, field)))) return rid;
  }
  return undefined;
}

function onFields(spec: Document, collection: Collection): string[] {
  const on = spec.on === undefined ? ['_id'] : Array.isArray(spec.on) ? spec.on : [spec.on];
  if (on.length === 1 && on[0] === '_id') return on as string[];
  const unique = [...collection.indexes.values()].some(
    (index) =>
      index.unique &&
      index.fields.length === on.length &&
      index.fields.every(([field]) => on.includes(field)),
  );
  if (!unique) {
    throw new CommandError(51183, 'Cannot find index to verify that join fields will be unique');
  }
  return on as string[];
}

/** `$merge` with its `on`, `whenMatched` (merge, replace, keepExisting, fail, a pipeline) and `whenNotMatched`. */
export function writeMerge(engine: Engine, db: string, raw: unknown, docs: Document[]): void {
  const spec: Document = typeof raw === 'string' ? { into: raw } : (raw as Document);
  const where = target(spec, db, '$merge');
  const collection = writableCollection(engine, where.db, where.coll);
  const on = onFields(spec, collection);
  const whenMatched = spec.whenMatched ?? 'merge';
  const whenNotMatched = spec.whenNotMatched ?? 'insert';
  for (const doc of docs) {
    if (on.some((field) => resolve(doc, field) === undefined)) {
      throw new CommandError(
        51132,
        "$merge write error: 'on' field cannot be missing, null, undefined or an array",
      );
    }
    const rid = findMatch(collection, doc, on);
    if (rid === undefined) {
      if (whenNotMatched === 'insert') engine.insert(collection, withId(doc));
      else if (whenNotMatched === 'fail') {
        throw new CommandError(
          13113,
          '$merge could not find a matching document in the target collection for at least one document in the source collection',
        );
      } else if (whenNotMatched !== 'discard')
        throw new CommandError(
          2,
          `Enumeration value '${String(whenNotMatched)}' for field 'whenNotMatched' is not a valid value.`,
        );
      continue;
    }
    const existing = collection.read(rid) as Document;
    if (whenMatched === 'keepExisting') continue;
    if (whenMatched === 'fail') throw duplicateKeyError(collection.ns, collection.idIndex, existing);
    let next: Document;
    if (whenMatched === 'merge') next = { ...existing, ...doc, _id: existing._id };
    else if (whenMatched === 'replace') next = { _id: existing._id, ...doc };
    else if (Array.isArray(whenMatched)) {
      const variables = { ...(spec.let as Document | undefined), new: doc };
      next = new Aggregator(whenMatched as Document[], { variables }).run([existing])[0] as Document;
    } else
      throw new CommandError(
        2,
        `Enumeration value '${String(whenMatched)}' for field 'whenMatched' is not a valid value.`,
      );
    restoreNumericTypes(next, collection.records.get(rid) as Uint8Array);
    engine.replace(collection, rid, next, whenMatched === 'replace');
  }
}
