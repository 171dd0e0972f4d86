import { type Document, Double, Long } from 'bson';
import { decodeTyped, hasWideNumbers, restoreNumericTypes } from '../query/numeric-types.ts';
import { typeAtPath } from '../wire/bson-slices.ts';

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

const TYPE_CODES: Record<number, string> = { 0x01: 'Double', 0x10: 'Int32', 0x12: 'Long' };

/** MongoDB's result type of `$inc`/`$mul` for `computed`, from the stored type and the operand. */
function arithmeticType(computed: unknown, storedType: string | undefined, operand: unknown): unknown {
  // An unchanged result may already carry the stored wrapper (restoreNumericTypes ran first).
  const result = bsonType(computed) ? Number(computed) : computed;
  if (typeof result !== 'number' || !Number.isInteger(result)) return result;
  const types = [storedType, bsonType(operand)];
  const overflow = result > 2147483647 || result < -2147483648;
  const target = types.includes('Double') ? 'Double' : types.includes('Long') || overflow ? 'Long' : 'Int32';
  if (bsonType(computed) === target) return computed;
  if (target === 'Double') return new Double(result);
  return target === 'Long' ? Long.fromNumber(result) : result;
}

interface Stored {
  /** The stored document decoded with wrappers, when it was needed. */
  doc?: Document;
  /** The stored bytes (types of single fields are read from them without decoding). */
  raw?: Uint8Array;
}

function storedType(stored: Stored, parts: string[]): string | undefined {
  if (stored.doc) return bsonType(valueAt(stored.doc, parts));
  if (!stored.raw) return undefined;
  const code = typeAtPath(
    Buffer.from(stored.raw.buffer, stored.raw.byteOffset, stored.raw.byteLength),
    parts,
  );
  return code === undefined ? undefined : TYPE_CODES[code];
}

function retype(next: Document, op: string, fields: Typed, stored: Stored): void {
  for (const [path, operand] of Object.entries(fields)) {
    const parts = segments(path);
    const parent = parts && parentOf(next, parts);
    if (!parts || !parent) continue;
    const key = parts.at(-1) as string;
    if (op === '$set' || op === '$setOnInsert') {
      if (hasWrapper(operand)) parent[key] = operand;
    } else if (op === '$inc' || op === '$mul') {
      parent[key] = arithmeticType(parent[key], storedType(stored, parts), operand);
    } else if ((op === '$min' || op === '$max') && Number(parent[key]) === Number(operand)) {
      const before = valueAt(stored.doc, parts);
      if (before === undefined || Number(before) !== Number(operand)) parent[key] = operand;
    }
  }
}

/**
 * Gives `next` the types of the client's update operands (`typed` is the statement's `u`
 * decoded with wrappers; `stored` the stored document and/or its bytes, empty for an upsert).
 */
export function applyOperandTypes(next: Document, typed: unknown, stored: Stored, inserting: boolean): void {
  if (typed === null || typeof typed !== 'object' || Array.isArray(typed)) return;
  const spec = typed as Typed;
  const keys = Object.keys(spec);
  if (keys.length === 0) return;
  if (!keys.every((key) => key.startsWith('$'))) {
    for (const key of keys) if (key !== '_id') next[key] = spec[key];
    return;
  }
  for (const [op, fields] of Object.entries(spec)) {
    if (op === '$setOnInsert' && !inserting) continue;
    if (fields !== null && typeof fields === 'object') retype(next, op, fields as Typed, stored);
  }
}

function hasNumber(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasNumber);
  return false;
}

/**
 * The typed `u` of an update statement, or the typed `update` of a findAndModify (`statement`
 * absent); undefined when the update holds no number (nothing to retype, nothing decoded).
 */
export function typedUpdate(
  command: Document,
  statement: Document | undefined,
  typedOf: (doc: object) => Typed | undefined,
): unknown {
  if (!hasNumber(statement ? statement.u : command.update)) return undefined;
  return statement ? typedOf(statement)?.u : typedOf(command);
}

/**
 * The types of an updated document: unchanged numbers keep the stored type, written ones the
 * client's. The stored document is decoded only when that can change something.
 */
export function typeUpdated(next: Document, typed: unknown, before: Uint8Array): void {
  const wide = hasWideNumbers(before);
  const spec = typed !== null && typeof typed === 'object' ? (typed as Typed) : undefined;
  const needsDoc = wide || (spec !== undefined && ('$min' in spec || '$max' in spec));
  const doc = needsDoc ? decodeTyped(before) : undefined;
  if (doc && wide) restoreNumericTypes(next, doc);
  applyOperandTypes(next, typed, { doc, raw: before }, false);
}
