import { type Document, Double, Long } from 'bson';
import { decodeTyped } from '../query/numeric-types.ts';

/**
 * The BSON types an update writes, as mongod chooses them: a value given to `$set`,
 * `$setOnInsert` or a replacement is stored with the client's type (int64 stays int64, 1.0 stays
 * a double); `$inc` and `$mul` follow MongoDB's arithmetic (double if either side is a double,
 * else int64 if either is one, else int32 unless the result overflows); `$min`/`$max` store the
 * operand's type when they take it. mingo computes on plain numbers; this puts the types back.
 * Paths with positional or array-filter segments, `$push`/`$addToSet` values and pipeline
 * updates keep mingo's numbers (docs/embedded-mongo.md).
 */

type Typed = Record<string, unknown>;

function bsonType(value: unknown): string | undefined {
  return value !== null && typeof value === 'object'
    ? (value as { _bsontype?: string })._bsontype
    : undefined;
}

function hasWrapper(value: unknown): boolean {
  const type = bsonType(value);
  if (type === 'Double' || type === 'Long' || type === 'Int32') return true;
  if (Array.isArray(value)) return value.some(hasWrapper);
  if (value !== null && typeof value === 'object' && !type && !(value instanceof Date)) {
    return Object.values(value).some(hasWrapper);
  }
  return false;
}

function segments(path: string): string[] | undefined {
  const parts = path.split('.');
  return parts.some((part) => part.startsWith('$')) ? undefined : parts;
}

function parentOf(doc: Document, parts: string[]): Document | undefined {
  let current: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Document)[part];
  }
  return current !== null && typeof current === 'object' ? current : undefined;
}

function valueAt(doc: Document | undefined, parts: string[]): unknown {
  return doc ? parentOf(doc, parts)?.[parts.at(-1) as string] : undefined;
}

/** MongoDB's result type of `$inc`/`$mul` for `computed`, from the stored value and the operand. */
function arithmeticType(computed: unknown, stored: unknown, operand: unknown): unknown {
  // An unchanged result may already carry the stored wrapper (restoreNumericTypes ran first).
  const result = bsonType(computed) ? Number(computed) : computed;
  if (typeof result !== 'number' || !Number.isInteger(result)) return result;
  const types = [bsonType(stored), bsonType(operand)];
  const overflow = result > 2147483647 || result < -2147483648;
  const target = types.includes('Double') ? 'Double' : types.includes('Long') || overflow ? 'Long' : 'Int32';
  if (bsonType(computed) === target) return computed;
  if (target === 'Double') return new Double(result);
  return target === 'Long' ? Long.fromNumber(result) : result;
}

function retype(next: Document, op: string, fields: Typed, before: Document | undefined): void {
  for (const [path, operand] of Object.entries(fields)) {
    const parts = segments(path);
    const parent = parts && parentOf(next, parts);
    if (!parts || !parent) continue;
    const key = parts.at(-1) as string;
    if (op === '$set' || op === '$setOnInsert') {
      if (hasWrapper(operand)) parent[key] = operand;
    } else if (op === '$inc' || op === '$mul') {
      parent[key] = arithmeticType(parent[key], valueAt(before, parts), operand);
    } else if ((op === '$min' || op === '$max') && Number(parent[key]) === Number(operand)) {
      const stored = valueAt(before, parts);
      if (stored === undefined || Number(stored) !== Number(operand)) parent[key] = operand;
    }
  }
}

/**
 * Gives `next` the types of the client's update operands (`typed` is the statement's `u`
 * decoded with wrappers; `before` the stored bytes, absent for an upsert's insert).
 */
export function applyOperandTypes(
  next: Document,
  typed: unknown,
  before: Uint8Array | undefined,
  inserting: boolean,
): void {
  if (typed === null || typeof typed !== 'object' || Array.isArray(typed)) return;
  const spec = typed as Typed;
  const keys = Object.keys(spec);
  if (keys.length === 0) return;
  if (!keys.every((key) => key.startsWith('$'))) {
    for (const key of keys) if (key !== '_id') next[key] = spec[key];
    return;
  }
  const stored = before ? decodeTyped(before) : undefined;
  for (const [op, fields] of Object.entries(spec)) {
    if (op === '$setOnInsert' && !inserting) continue;
    if (fields !== null && typeof fields === 'object') retype(next, op, fields as Typed, stored);
  }
}

/** The typed `u` of statement `index` of an update command, or the typed `update` of a findAndModify. */
export function typedUpdate(
  command: Document,
  statement: Document | undefined,
  index: number,
  typedOf: (doc: object) => Typed | undefined,
): unknown {
  if (!statement) return typedOf(command)?.update;
  const own = typedOf(statement);
  if (own) return own.u;
  const updates = typedOf(command)?.updates;
  return Array.isArray(updates) ? (updates[index] as Typed | undefined)?.u : undefined;
}
