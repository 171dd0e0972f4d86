import type { Document } from 'bson';
import { CommandError } from '../errors.ts';
import { type Collation, foldValue } from './collation.ts';

/**
 * Rewrites a query filter for a collation: the constants of equality-style operators are folded
 * (the documents are folded the same way before matching), so `{x: "PING"}` finds "ping" at
 * strength 2. Operators whose collation semantics folding cannot reproduce (string ranges,
 * `$regex`, `$expr`, `$where`, text and geo) are refused with NotImplemented rather than
 * answered with binary comparison.
 */

const EQUALITY = new Set(['$eq', '$ne', '$in', '$nin', '$all']);
const NEUTRAL = new Set([
  '$exists',
  '$type',
  '$size',
  '$mod',
  '$bitsAllSet',
  '$bitsAnySet',
  '$bitsAllClear',
  '$bitsAnyClear',
]);
const RANGE = new Set(['$gt', '$gte', '$lt', '$lte']);

function refuse(what: string): never {
  throw new CommandError(238, `The embedded server does not implement ${what} with a non-simple collation`);
}

function hasString(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(hasString);
  if (value !== null && typeof value === 'object' && !(value as { _bsontype?: string })._bsontype) {
    return Object.values(value).some(hasString);
  }
  return false;
}

function isOperatorObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof RegExp)
    return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

function foldCondition(condition: unknown, collation: Collation): unknown {
  if (condition instanceof RegExp || (condition as { _bsontype?: string })?._bsontype === 'BSONRegExp')
    refuse('$regex');
  if (!isOperatorObject(condition)) return foldValue(condition, collation);
  const out: Document = {};
  for (const [op, arg] of Object.entries(condition)) {
    if (EQUALITY.has(op)) {
      if (Array.isArray(arg) && arg.some((item) => item instanceof RegExp))
        refuse(`${op} with a regular expression`);
      out[op] = foldValue(arg, collation);
    } else if (RANGE.has(op)) {
      if (hasString(arg)) refuse(`${op} on strings`);
      out[op] = arg;
    } else if (NEUTRAL.has(op)) out[op] = arg;
    else if (op === '$not') out[op] = foldCondition(arg, collation);
    else if (op === '$elemMatch') {
      out[op] = isOperatorObject(arg)
        ? foldCondition(arg, collation)
        : foldFilter(arg as Document, collation);
    } else refuse(op);
  }
  return out;
}

/** The filter to match against folded documents. */
export function foldFilter(filter: Document, collation: Collation): Document {
  const out: Document = {};
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' || field === '$or' || field === '$nor') {
      out[field] = (condition as Document[]).map((branch) => foldFilter(branch, collation));
    } else if (field === '$comment') out[field] = condition;
    else if (field.startsWith('$')) refuse(field);
    else out[field] = foldCondition(condition, collation);
  }
  return out;
}
