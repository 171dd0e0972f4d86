import { type Document, deserialize } from 'bson';
import { compare, resolve } from 'mingo/util';
import { type Collation, foldValue } from '../query/collation.ts';
import { foldFilter } from '../query/filter-fold.ts';
import { decodeTyped, isInclusionOnly } from '../query/numeric-types.ts';
import type { Collection } from './collection.ts';
import { candidates, planQuery, type QueryPlan } from './planner.ts';
import { plainProjection, projectRaw } from './raw-projection.ts';
import { compileQuery } from '../query/compiled-query.ts';
import { documentMatcher, type DocumentTest } from '../query/simple-match.ts';

/** The parts of a find (or of an update/delete selection) that decide which documents qualify. */
export interface Selection {
  filter?: Document;
  sort?: Document;
  skip?: number;
  limit?: number;
  /** Values of `$$name` in `$expr` (the command's `let`). */
  variables?: Document;
  /** A non-simple collation: string equality and order follow it (indexes, binary, are not used). */
  collation?: Collation;
}

/** A qualifying document with the record id it lives at (writers need both). */
export interface MatchedRecord {
  rid: number;
  doc: Document;
}

/** Compares two documents by a MongoDB sort specification. */
export function compareBySort(sort: Document, collation?: Collation): (a: Document, b: Document) => number {
  const keys = Object.entries(sort).filter(([field]) => field !== '$natural');
  const values = (x: unknown, y: unknown) =>
    collation && typeof x === 'string' && typeof y === 'string'
      ? collation.collator.compare(x, y)
      : compare(x, y);
  return function compareDocuments(a, b) {
    for (const [field, dir] of keys) {
      const order = values(resolve(a, field), resolve(b, field));
      if (order !== 0) return dir === -1 ? -order : order;
    }
    return 0;
  };
}

/** The per-candidate re-check: native for simple filters; a collation's folding stays on mingo. */
function recheckFor(condition: Document, { collation, variables }: Selection): DocumentTest {
  if (!collation) return documentMatcher(condition, variables);
  const query = compileQuery(condition, variables);
  return (doc) => query.test(foldValue(doc, collation) as Document);
}

/**
 * Runs a selection: plans it, reads only the plan's candidates, re-checks each (natively or with mingo), and
 * stops early when the index already yields the sort order.
 */
export function selectRecords(
  collection: Collection,
  selection: Selection,
): { plan: QueryPlan; matches: MatchedRecord[] } {
  const filter = selection.filter ?? {};
  const sort = selection.sort && Object.keys(selection.sort).length > 0 ? selection.sort : undefined;
  const collation = selection.collation;
  const plan = collation ? planQuery(collection, {}) : planQuery(collection, filter, sort);
  const condition = collation ? foldFilter(filter, collation) : filter;
  // An exact plan's candidates are the matches: no per-document re-check (nor a mingo Query) needed.
  const recheck = Object.keys(condition).length > 0 && !(plan.exact && !collation && !selection.variables);
  const test = recheck ? recheckFor(condition, selection) : undefined;
  const skip = selection.skip ?? 0;
  const limit = selection.limit && selection.limit > 0 ? selection.limit : Number.POSITIVE_INFINITY;
  const streaming = !sort || (plan.sorted && !collation);
  const natural = sort?.$natural === -1 && !plan.index;
  const matches: MatchedRecord[] = [];
  const rids = natural ? [...candidates(collection, plan)].reverse() : candidates(collection, plan);
  for (const rid of rids) {
    const doc = collection.read(rid);
    if (!doc || (test && !test(doc))) continue;
    matches.push({ rid, doc });
    if (streaming && matches.length >= skip + limit) break;
  }
  if (!streaming && sort) {
    const byDoc = compareBySort(sort, collation);
    matches.sort((a, b) => byDoc(a.doc, b.doc));
  }
  return { plan, matches: matches.slice(skip, skip + limit) };
}

/** Applies a find projection with mingo's projection semantics. */
export function project(docs: Document[], projection: Document | undefined): Document[] {
  if (!projection || Object.keys(projection).length === 0) return docs;
  return compileQuery({}).find<Document>(docs, projection).all();
}

/** A projected stored document: its bytes when the projection is plain, else mingo's projection. */
export function projectedRecord(
  raw: Uint8Array,
  projection: Document,
  plainFields: ReturnType<typeof plainProjection> = plainProjection(projection),
): Document | Uint8Array {
  const bytes = plainFields && projectRaw(raw, plainFields);
  if (bytes) return bytes;
  const doc = isInclusionOnly(projection) ? decodeTyped(raw) : deserialize(raw);
  return project([doc], projection)[0] as Document;
}

/**
 * The documents of a find. When the index intervals express the whole filter, records are read
 * as their stored BSON bytes and a plain field projection is cut from those bytes: nothing is
 * decoded or re-encoded.
 */
export function findDocuments(
  collection: Collection,
  selection: Selection,
  projection: Document | undefined,
): Array<Document | Uint8Array> {
  const sort = selection.sort && Object.keys(selection.sort).length > 0 ? selection.sort : undefined;
  const plan = planQuery(collection, selection.filter ?? {}, sort);
  const fields = projection && Object.keys(projection).length > 0 ? projection : undefined;
  const plainFields = fields && plainProjection(fields);
  const plainQuery = !selection.collation && !selection.variables;
  const shape = (raw: Uint8Array) => (fields ? projectedRecord(raw, fields, plainFields) : raw);
  if (
    !plan.exact ||
    (fields && !plainFields) ||
    !plainQuery ||
    (sort && !plan.sorted) ||
    sort?.$natural !== undefined
  ) {
    const { matches } = selectRecords(collection, selection);
    // Stored bytes keep int64 and double types; mingo projects the rest.
    if (!fields || plainFields)
      return matches.map((match) => shape(collection.records.get(match.rid) as Uint8Array));
    return project(
      matches.map((match) => match.doc),
      fields,
    );
  }
  const skip = selection.skip ?? 0;
  const end = selection.limit && selection.limit > 0 ? skip + selection.limit : Number.POSITIVE_INFINITY;
  const out: Array<Document | Uint8Array> = [];
  let seen = 0;
  for (const rid of candidates(collection, plan)) {
    if (seen++ < skip) continue;
    const raw = collection.records.get(rid);
    if (!raw) continue;
    collection.docsExamined++;
    out.push(shape(raw));
    if (seen >= end) break;
  }
  return out;
}
