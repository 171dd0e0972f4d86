import { type Document, ObjectId, serialize } from 'bson';
import { Aggregator } from 'mingo';
import * as UPDATE_OPERATORS from 'mingo/operators/update';
import type { Options } from 'mingo/types';
import { type Modifier, update } from 'mingo/updater';
import { isEqual } from 'mingo/util';
import { CommandError } from '../errors.ts';
import { checkIdFields } from './insert.ts';
import type { QueryOptions } from './query-options.ts';
import { sharedOptions } from '../query/compiled-query.ts';
import { checkUpdateConflicts } from './update-conflicts.ts';
import { applyNative } from './native-update.ts';

/** The `u` of an update statement: operators, a replacement document, or a pipeline. */
export type UpdateSpec = Document | Document[];

function isOperatorUpdate(spec: Document): boolean {
  const keys = Object.keys(spec);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

/** True when `u` is a whole replacement document (a change stream reports `replace`, not `update`). */
export function isReplacement(spec: UpdateSpec): boolean {
  return !Array.isArray(spec) && !isOperatorUpdate(spec);
}

/** Checks the shape of `u` before anything is touched (FailedToParse as mongod says it). */
export function validateUpdate(spec: unknown): UpdateSpec {
  if (Array.isArray(spec)) return spec as Document[];
  if (spec === null || typeof spec !== 'object')
    throw new CommandError(14, 'Update argument must be an object');
  const keys = Object.keys(spec);
  if (keys.some((key) => key.startsWith('$')) && !isOperatorUpdate(spec)) {
    throw new CommandError(9, "Update document requires atomic operators or must not contain '$' fields");
  }
  if (isOperatorUpdate(spec)) checkUpdateConflicts(spec);
  return spec;
}

/** Operators whose matching would need the collation: refused rather than applied with binary comparison. */
function refuseCollated(operators: Document, arrayFilters: Document[] | undefined): void {
  const collated = ['$pull', '$pullAll', '$addToSet'].find((op) => op in operators);
  const positional = JSON.stringify(Object.values(operators)).includes('.$');
  if (collated || arrayFilters || positional) {
    const what = collated ?? (arrayFilters ? 'arrayFilters' : 'the positional $ operator');
    throw new CommandError(238, `The embedded server does not implement ${what} with a non-simple collation`);
  }
}

/** Whether an operator's path holds the positional `$` segment (`a.$.b`), which the query resolves. */
function usesPositional(operators: Document): boolean {
  return Object.values(operators).some(
    (fields) =>
      fields !== null &&
      typeof fields === 'object' &&
      Object.keys(fields as Document).some((path) => path.split('.').includes('$')),
  );
}

type OperatorFactory = (
  expr: unknown,
  arrayFilters: Document[],
  options: Options,
) => (doc: Document) => unknown;
const OPERATORS = UPDATE_OPERATORS as unknown as Record<string, OperatorFactory | undefined>;

/**
 * Applies update operators in place with mingo's own operator functions, in the update's order,
 * over options built once: mingo's `update()` rebuilds an operator context on every call (tens of
 * µs, more than the operators' own work). Only for updates with no positional `$`, array filters,
 * variables or collation, which need the updater's query machinery. The common operators on
 * plain paths take the native path first (native-update.ts), which gives the same document;
 * `native: false` is mingo alone (the differential test compares the two).
 */
export function applyOperators(doc: Document, operators: Document, native = true): void {
  if (native && applyNative(doc, operators)) return;
  const factories = Object.keys(operators).map((op) => {
    const factory = OPERATORS[op];
    if (!factory) throw new Error(`Unknown update operator: '${op}'.`);
    return [factory, operators[op]] as const;
  });
  const options = sharedOptions({ condition: {}, updateConfig: { cloneMode: 'copy' } });
  for (const [factory, expr] of factories) factory(expr, [], options)(doc);
}

/** The document an upsert starts from: the query's equality fields (`{a: 1}`, `{a: {$eq: 1}}`). */
export function upsertSeed(query: Document): Document {
  const seed: Document = {};
  for (const [field, value] of Object.entries(query)) {
    if (field.startsWith('$') || field.includes('.')) continue;
    const isOps =
      value !== null && typeof value === 'object' && Object.keys(value).some((k) => k.startsWith('$'));
    if (!isOps) seed[field] = value;
    else if ('$eq' in (value as Document)) seed[field] = (value as Document).$eq;
  }
  return seed;
}

/**
 * Applies `u` to (a fresh copy of) `doc` and returns the new document; `inserting` turns
 * `$setOnInsert` into `$set`. The `_id` can never change (ImmutableField, code 66).
 */
export function applyUpdate(
  doc: Document,
  spec: UpdateSpec,
  options: { query?: Document; inserting: boolean; arrayFilters?: Document[] } & QueryOptions,
): Document {
  const originalId = doc._id;
  let next: Document;
  if (Array.isArray(spec)) {
    const stages = new Aggregator(spec, { variables: options.variables });
    next = stages.run([doc])[0] ?? {};
  } else if (isOperatorUpdate(spec)) {
    const { $setOnInsert, ...operators } = spec;
    if (options.inserting && $setOnInsert)
      operators.$set = { ...(operators.$set as Document), ...$setOnInsert };
    next = doc;
    if (Object.keys(operators).length > 0) {
      if (options.collation) refuseCollated(operators, options.arrayFilters);
      // mingo needs the condition only to resolve a positional `$` (it would re-test the whole
      // filter on a document the caller matched already); under a collation the match is decided.
      const positional = usesPositional(operators);
      const query = options.inserting || options.collation || !positional ? undefined : options.query;
      const plain = !query && !options.arrayFilters?.length && !options.variables && !options.collation;
      try {
        if (plain) {
          applyOperators(next, operators);
        } else {
          // The re-check sees the command's `let` variables, as the selecting query did.
          const queryOptions = options.variables
            ? { queryOptions: { variables: options.variables } }
            : undefined;
          update(next, operators as Modifier<Document>, options.arrayFilters, query, queryOptions);
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new CommandError(message.includes('immutable') ? 66 : 9, message);
      }
    }
  } else {
    next = originalId === undefined ? { ...spec } : { _id: originalId, ...spec };
  }
  if (originalId !== undefined && next._id !== undefined && !isEqual(next._id, originalId)) {
    throw new CommandError(
      66,
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  if (next._id === undefined) next = { _id: originalId ?? new ObjectId(), ...next };
  checkIdFields(next._id);
  return next;
}

/**
 * The new document's BSON when it differs from the stored bytes (what `nModified` counts), else
 * undefined; the caller stores these very bytes rather than encoding the document again.
 */
export function rewritten(before: Uint8Array, after: Document): Uint8Array | undefined {
  const bytes = serialize(after);
  return Buffer.from(before.buffer, before.byteOffset, before.byteLength).equals(bytes) ? undefined : bytes;
}
