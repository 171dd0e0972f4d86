import type { Document } from 'bson';
import { CommandError } from '../errors.ts';
import type { Collection } from '../storage/collection.ts';
import { project, projectedRecord, selectRecords } from '../storage/query-exec.ts';
import { collectionName, optionalBoolean, optionalDocument } from './args.ts';
import type { CommandHandler } from './context.ts';
import { decodeTyped, isInclusionOnly } from '../query/numeric-types.ts';
import { typedOf } from '../wire/raw-documents.ts';
import { queryOptions } from './query-options.ts';
import { applyOperandTypes, typedUpdate, typeUpdated } from './update-types.ts';
import { refuseView, writableCollection } from './views.ts';
import { applyUpdate, isReplacement, rewritten, upsertSeed, validateUpdate } from './update-apply.ts';

function shown(doc: Document | null, fields: Document | undefined): Document | null {
  return doc ? (project([doc], fields)[0] ?? null) : null;
}

/**
 * A stored record as findAndModify returns it under `fields`: a plain field projection is cut from
 * the stored bytes (the rest is never decoded), any other goes through mingo, numbers typed.
 */
function recordImage(raw: Uint8Array, fields: Document | undefined): Document {
  if (!fields || Object.keys(fields).length === 0) return decodeTyped(raw);
  const image = projectedRecord(raw, fields);
  return image instanceof Uint8Array ? decodeTyped(image) : image;
}

function parse(command: Document) {
  const remove = optionalBoolean(command, 'remove') ?? false;
  const hasUpdate = command.update !== undefined;
  if (remove && hasUpdate) throw new CommandError(9, 'Cannot specify both an update and remove=true');
  if (!remove && !hasUpdate) throw new CommandError(9, 'Either an update or remove=true must be specified');
  const upsert = optionalBoolean(command, 'upsert') ?? false;
  const returnNew = optionalBoolean(command, 'new') ?? false;
  if (remove && (upsert || returnNew))
    throw new CommandError(9, 'Cannot specify remove=true with upsert or new');
  return {
    query: optionalDocument(command, 'query') ?? {},
    sort: optionalDocument(command, 'sort'),
    fields: optionalDocument(command, 'fields'),
    update: hasUpdate ? validateUpdate(command.update) : undefined,
    arrayFilters: command.arrayFilters as Document[] | undefined,
    remove,
    upsert,
    returnNew,
  };
}

/**
 * `findAndModify`: one document chosen by `query` + `sort`, removed or updated (or upserted)
 * atomically, returning its pre- or post-image: what findOneAndUpdate/Delete/Replace send.
 */
export const findAndModifyCommands: Record<string, CommandHandler> = {
  findAndModify: function findAndModify(command, { engine, db }) {
    const spec = parse(command);
    const name = collectionName(command);
    const collection: Collection | undefined = spec.remove
      ? engine.collection(db, name)
      : writableCollection(engine, db, name);
    refuseView(collection);
    const options = queryOptions(collection, command);
    const match = collection
      ? selectRecords(collection, { filter: spec.query, sort: spec.sort, limit: 1, ...options }).matches[0]
      : undefined;
    if (spec.remove || !spec.update || !collection) {
      const raw = match && collection?.records.get(match.rid);
      if (collection && match) engine.remove(collection, match.rid);
      return { lastErrorObject: { n: match ? 1 : 0 }, value: raw ? recordImage(raw, spec.fields) : null };
    }
    const typed = typedUpdate(command, undefined, typedOf);
    if (match) {
      const raw = collection.records.get(match.rid) as Uint8Array;
      const next = applyUpdate(match.doc, spec.update, {
        query: spec.query,
        inserting: false,
        arrayFilters: spec.arrayFilters,
        ...options,
      });
      typeUpdated(next, typed, raw);
      const bytes = rewritten(raw, next);
      if (bytes) engine.replace(collection, match.rid, next, isReplacement(spec.update), bytes);
      // Stored records are immutable buffers: `raw` is still the pre-image. A projection with
      // operators evaluates on the updated document itself; any other reads the stored bytes.
      const value =
        spec.returnNew && spec.fields && !isInclusionOnly(spec.fields)
          ? shown(next, spec.fields)
          : recordImage(
              spec.returnNew ? (collection.records.get(match.rid) as Uint8Array) : raw,
              spec.fields,
            );
      return { lastErrorObject: { n: 1, updatedExisting: true }, value };
    }
    if (!spec.upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null };
    const doc = applyUpdate(upsertSeed(spec.query), spec.update, {
      inserting: true,
      arrayFilters: spec.arrayFilters,
      ...options,
    });
    applyOperandTypes(doc, typed, {}, true);
    engine.insert(collection, doc);
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
      value: spec.returnNew ? shown(doc, spec.fields) : null,
    };
  },
};
