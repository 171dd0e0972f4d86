import { type Document, deserialize } from 'bson';

/**
 * Numeric BSON types (int32, int64, double) survive a round trip through this server. Queries and
 * updates run on documents whose numbers are plain JS numbers (what mingo compares), and a plain
 * number re-encodes as int32 when it is integral: a stored double 1.0 or int64 5 would silently
 * become int32. So stored bytes are returned as they are where possible, and a document rewritten
 * by an update gets back the original wrapper (Double, Long, Int32) of every number it did not change.
 */

/** A stored document with its numbers as bson wrappers: re-encoding it gives the same types. */
export function decodeTyped(raw: Uint8Array): Document {
  return deserialize(raw, { promoteValues: false });
}

function isNumericWrapper(value: unknown): value is { valueOf(): number | bigint } {
  const type = (value as { _bsontype?: string } | null)?._bsontype;
  return type === 'Double' || type === 'Long' || type === 'Int32';
}

function isPlainObject(value: unknown): value is Document {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value as { _bsontype?: string })._bsontype &&
    !(value instanceof Date)
  );
}

function restore(next: unknown, typed: unknown): unknown {
  if (typeof next === 'number' && isNumericWrapper(typed) && Number(typed.valueOf()) === next) return typed;
  if (Array.isArray(next) && Array.isArray(typed)) {
    for (let i = 0; i < next.length; i++) next[i] = restore(next[i], typed[i]);
  } else if (isPlainObject(next) && isPlainObject(typed)) {
    for (const key of Object.keys(next)) next[key] = restore(next[key], typed[key]);
  }
  return next;
}

/** Gives `next` (in place) the numeric types `before` had wherever the value is unchanged. */
export function restoreNumericTypes(next: Document, before: Uint8Array): Document {
  return restore(next, decodeTyped(before)) as Document;
}

/** True when a projection only includes or excludes fields (so it never compares values). */
export function isInclusionOnly(projection: Document): boolean {
  return Object.values(projection).every((value) => [0, 1, true, false].includes(value as number));
}
