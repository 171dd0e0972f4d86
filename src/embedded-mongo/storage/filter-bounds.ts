import { Binary, type Document, Long, ObjectId } from 'bson';

/** What a filter says about one top-level field, in the terms an index can use. */
export interface FieldBounds {
  points?: unknown[];
  lower?: { value: unknown; inclusive: boolean };
  upper?: { value: unknown; inclusive: boolean };
  /** Some condition on the field is not expressed by these bounds (the matcher must check it). */
  partial?: boolean;
}

/** A value that an index can seek on exactly (compound types are left to the matcher). */
function isSeekable(value: unknown): boolean {
  if (value === null) return true;
  const kind = typeof value;
  if (kind === 'string' || kind === 'number' || kind === 'boolean' || kind === 'bigint') return true;
  return (
    value instanceof ObjectId || value instanceof Date || value instanceof Long || value instanceof Binary
  );
}

function isOperatorObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isSeekable(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

function addOperators(bounds: FieldBounds, ops: Document): void {
  for (const [op, value] of Object.entries(ops)) {
    if (op === '$eq' && isSeekable(value)) bounds.points = [value];
    else if (op === '$in' && Array.isArray(value) && value.length > 0 && value.every(isSeekable)) {
      bounds.points = value;
    } else if ((op === '$gt' || op === '$gte') && isSeekable(value) && value !== null) {
      bounds.lower = { value, inclusive: op === '$gte' };
    } else if ((op === '$lt' || op === '$lte') && isSeekable(value) && value !== null) {
      bounds.upper = { value, inclusive: op === '$lte' };
    } else bounds.partial = true;
  }
}

/**
 * Extracts per-field bounds from a filter's top level (and `$and` members). Anything it does not
 * understand is simply not a bound: the full filter is always re-applied to index candidates.
 */
export function extractBounds(
  filter: Document,
  into = new Map<string, FieldBounds>(),
): Map<string, FieldBounds> {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      into.set('$and', { partial: true });
      for (const member of condition) if (member && typeof member === 'object') extractBounds(member, into);
      continue;
    }
    if (field.startsWith('$')) {
      into.set(field, { partial: true });
      continue;
    }
    const bounds = into.get(field) ?? {};
    if (bounds.points || bounds.lower || bounds.upper) bounds.partial = true;
    if (isSeekable(condition)) bounds.points = [condition];
    else if (isOperatorObject(condition)) addOperators(bounds, condition);
    else bounds.partial = true;
    into.set(field, bounds);
  }
  return into;
}
