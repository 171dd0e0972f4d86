import { EJSON } from 'bson';

/**
 * The unified test format's matching rules (source/unified-test-format/unified-test-format.md
 * "Evaluating Matches"): numbers compare by value whatever their BSON type, root-level documents
 * may carry extra fields, `$$exists`, `$$type` and `$$unsetOrMatches` are understood.
 */

/** A mismatch, with the path where it was found. */
export class Mismatch extends Error {}

/** The BSON class of a value; by name, as the test files and the driver may load different copies of bson. */
function bsonType(value: unknown): string | undefined {
  return value !== null && typeof value === 'object'
    ? (value as { _bsontype?: string })._bsontype
    : undefined;
}

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const type = bsonType(value);
  if (type === 'Long' || type === 'Int32' || type === 'Double') return Number((value as object).valueOf());
  if (type === 'Decimal128') return Number(String(value));
  return undefined;
}

const TYPE_TESTS: Record<string, (value: unknown) => boolean> = {
  double: (v) => numeric(v) !== undefined,
  int: (v) => numeric(v) !== undefined,
  long: (v) => numeric(v) !== undefined,
  number: (v) => numeric(v) !== undefined,
  decimal: (v) => bsonType(v) === 'Decimal128',
  string: (v) => typeof v === 'string',
  object: (v) => isDocument(v),
  array: (v) => Array.isArray(v),
  binData: (v) => bsonType(v) === 'Binary',
  objectId: (v) => bsonType(v) === 'ObjectId',
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  timestamp: (v) => bsonType(v) === 'Timestamp',
};

function isDocument(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value as { _bsontype?: string })._bsontype &&
    !(value instanceof Date) &&
    !(value instanceof RegExp)
  );
}

function operator(expected: unknown): [string, unknown] | undefined {
  if (!isDocument(expected)) return undefined;
  const keys = Object.keys(expected);
  if (keys.length === 1 && keys[0]?.startsWith('$$')) return [keys[0], expected[keys[0]]];
  return undefined;
}

function fail(path: string, expected: unknown, actual: unknown): never {
  const show = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
  throw new Mismatch(`${path || '(root)'}: expected ${show(expected)}, got ${show(actual)}`);
}

function matchOperator(name: string, arg: unknown, actual: unknown, path: string, root: boolean): void {
  if (name === '$$unsetOrMatches') {
    if (actual !== undefined) match(arg, actual, path, root);
    return;
  }
  if (name === '$$type') {
    const types = Array.isArray(arg) ? (arg as string[]) : [arg as string];
    if (!types.some((type) => TYPE_TESTS[type]?.(actual))) fail(path, { $$type: arg }, actual);
    return;
  }
  if (name === '$$exists') {
    if ((actual !== undefined) !== arg) fail(path, { $$exists: arg }, actual);
    return;
  }
  throw new Mismatch(`${path}: unsupported match operator ${name}`);
}

/** Throws a Mismatch unless `actual` matches `expected`; `root` allows extra fields. */
export function match(expected: unknown, given: unknown, path = '', root = true): void {
  // The driver sends sort specifications as Maps (to keep key order).
  const actual: unknown = given instanceof Map ? Object.fromEntries(given as Map<string, unknown>) : given;
  const op = operator(expected);
  if (op) return matchOperator(op[0], op[1], actual, path, root);
  const expectedNumber = numeric(expected);
  if (expectedNumber !== undefined) {
    if (numeric(actual) !== expectedNumber) fail(path, expected, actual);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) fail(path, expected, actual);
    // Elements of a root-level array (the documents a find returns) are root-level documents too.
    expected.forEach((item, i) => match(item, actual[i], `${path}[${i}]`, root));
    return;
  }
  if (isDocument(expected)) {
    if (!isDocument(actual)) fail(path, expected, actual);
    for (const [key, value] of Object.entries(expected)) {
      const inner = operator(value);
      if (inner?.[0] === '$$exists' || inner?.[0] === '$$unsetOrMatches' || key in actual) {
        match(value, actual[key], `${path}.${key}`, false);
      } else fail(`${path}.${key}`, value, undefined);
    }
    if (!root) {
      const extra = Object.keys(actual).filter((key) => !(key in expected));
      if (extra.length > 0) fail(`${path}`, expected, actual);
    }
    return;
  }
  if (bsonType(expected) || expected instanceof Date) {
    if (EJSON.stringify(expected) !== EJSON.stringify(actual)) fail(path, expected, actual);
    return;
  }
  if (expected !== actual) fail(path, expected, actual);
}
