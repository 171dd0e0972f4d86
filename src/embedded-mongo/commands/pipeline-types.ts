import type { Document } from 'bson';
import { isInclusionOnly, restoreNumericTypes } from '../query/numeric-types.ts';
import type { Collection } from '../storage/collection.ts';

/**
 * Aggregation runs on documents whose numbers are JS numbers, which would come back as int32
 * where the stored value was an integral double or an int64. When every stage only selects,
 * orders or drops (so each output value *is* a stored value), each result gets the numeric types
 * of the stored document with its `_id`. Computed values keep mingo's types (docs/embedded-mongo.md).
 */
const PASSTHROUGH = new Set(['$match', '$sort', '$limit', '$skip', '$unset', '$sample']);

function passesValuesThrough(stage: Document): boolean {
  const name = Object.keys(stage)[0] as string;
  return PASSTHROUGH.has(name) || (name === '$project' && isInclusionOnly(stage.$project as Document));
}

/** Gives pipeline results the stored numeric types, when `stages` only pass stored values through. */
export function restoreStoredTypes(
  collection: Collection | undefined,
  stages: Document[],
  out: Document[],
): void {
  if (!collection || !stages.every(passesValuesThrough)) return;
  for (const doc of out) {
    const rid = doc._id === undefined ? undefined : collection.ridOfId(doc._id);
    const raw = rid === undefined ? undefined : collection.records.get(rid);
    if (raw) restoreNumericTypes(doc, raw);
  }
}
