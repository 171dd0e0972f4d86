/**
 * MongoDB's query operators on a field holding a scalar (string, number, boolean, null), an array
 * of scalars, or nothing. These are the only values the native matcher decides itself; anything
 * else (embedded documents, Dates, ObjectIds, Decimal128, nested arrays) goes to mingo.
 */

export type Scalar = string | number | boolean | null;

/** A field's value as the native matcher sees it; `undefined` is a missing field. */
export type SimpleValue = Scalar | Scalar[] | undefined;

export type ValueTest = (value: SimpleValue) => boolean;

type RangeOperator = '$gt' | '$gte' | '$lt' | '$lte';

export function isScalar(value: unknown): value is Scalar {
  const type = typeof value;
  return value === null || type === 'string' || type === 'number' || type === 'boolean';
}

export function isSimpleValue(value: unknown): value is SimpleValue {
  return value === undefined || isScalar(value) || (Array.isArray(value) && value.every(isScalar));
}

/** BSON equality of scalars: numbers by value (so -0 is 0), and NaN equals NaN. */
function same(a: Scalar, b: Scalar): boolean {
  return a === b || (a !== a && b !== b);
}

/** Code units from U+E000 up sort below surrogates in code-point order (MongoDB's UTF-8 byte order). */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

/** Orders strings as MongoDB does (UTF-8 bytes), not by UTF-16 code units as `<` does. */
function compareStrings(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Equality: an array matches when an element does; null also matches a missing field. */
export function equals(operand: Scalar): ValueTest {
  if (operand === null) return (value) => value == null || (Array.isArray(value) && value.includes(null));
  return (value) =>
    Array.isArray(value) ? value.some((element) => same(element, operand)) : same(value as Scalar, operand);
}

const ACCEPTS: Record<RangeOperator, (order: number) => boolean> = {
  $gt: (order) => order > 0,
  $gte: (order) => order >= 0,
  $lt: (order) => order < 0,
  $lte: (order) => order <= 0,
};

/**
 * A range operator with a finite number or a string: only values of the same type bracket
 * compare (a number never with a string), NaN compares false, an array matches by any element.
 */
function inRange(operator: RangeOperator, operand: number | string): ValueTest {
  const accepts = ACCEPTS[operator];
  const one = (element: unknown): boolean => {
    if (typeof operand === 'number')
      return typeof element === 'number' && element === element && accepts(element - operand);
    return typeof element === 'string' && accepts(compareStrings(element, operand));
  };
  return (value) => (Array.isArray(value) ? value.some(one) : one(value));
}

function scalarList(operand: unknown): Scalar[] | undefined {
  return Array.isArray(operand) && operand.every(isScalar) ? operand : undefined;
}

function anyOf(operand: unknown): ValueTest | undefined {
  const tests = scalarList(operand)?.map(equals);
  return tests && ((value) => tests.some((test) => test(value)));
}

function not(test: ValueTest | undefined): ValueTest | undefined {
  return test && ((value) => !test(value));
}

/** `$all` of scalars; null is left to mingo (its `$all: [null]` reading is not MongoDB's plain equality). */
function allOf(operand: unknown): ValueTest | undefined {
  const list = scalarList(operand);
  if (!list || list.includes(null)) return undefined;
  const tests = list.map(equals);
  return (value) => tests.length > 0 && tests.every((test) => test(value));
}

function exists(operand: unknown): ValueTest | undefined {
  if (typeof operand !== 'boolean' && !(typeof operand === 'number' && Number.isFinite(operand)))
    return undefined;
  return operand ? (value) => value !== undefined : (value) => value === undefined;
}

/** The test of one field operator, or undefined when the operator or its operand is outside the subset. */
export function operatorTest(operator: string, operand: unknown): ValueTest | undefined {
  switch (operator) {
    case '$eq':
      return isScalar(operand) ? equals(operand) : undefined;
    case '$ne':
      return not(isScalar(operand) ? equals(operand) : undefined);
    case '$in':
      return anyOf(operand);
    case '$nin':
      return not(anyOf(operand));
    case '$all':
      return allOf(operand);
    case '$exists':
      return exists(operand);
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return typeof operand === 'string' || (typeof operand === 'number' && Number.isFinite(operand))
        ? inRange(operator, operand)
        : undefined;
    default:
      return undefined;
  }
}
