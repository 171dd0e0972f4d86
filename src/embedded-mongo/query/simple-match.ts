import type { Document } from 'bson';
import type { Query } from 'mingo/query';
import { compileQuery } from './compiled-query.ts';
import { equals, isScalar, isSimpleValue, operatorTest, type ValueTest } from './scalar-tests.ts';

/**
 * A native matcher for the common filters (top-level fields with scalar comparisons): compiling a
 * mingo Query costs more than the whole lookup it guards, so filters in this subset skip it.
 */

export type DocumentTest = (doc: Document) => boolean;

interface Clause {
  field: string;
  test: ValueTest;
}

function isPlainObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `{ $op: operand, ... }` with only operators: each becomes a clause on `field`. */
function operatorClauses(field: string, condition: Document, out: Clause[]): boolean {
  const entries = Object.entries(condition);
  if (entries.length === 0) return false;
  for (const [operator, operand] of entries) {
    const test = operatorTest(operator, operand);
    if (!test) return false;
    out.push({ field, test });
  }
  return true;
}

/** Adds the clauses of a filter to `out`; false when any part is outside the native subset. */
function collectClauses(filter: Document, out: Clause[]): boolean {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and') {
      if (!Array.isArray(condition) || condition.length === 0) return false;
      for (const part of condition as unknown[]) {
        if (!isPlainObject(part) || !collectClauses(part, out)) return false;
      }
    } else if (key === '' || key.startsWith('$') || key.includes('.')) {
      // Other top-level operators, and dotted paths (array traversal), are mingo's.
      return false;
    } else if (isScalar(condition)) {
      out.push({ field: key, test: equals(condition) });
    } else if (!isPlainObject(condition) || !operatorClauses(key, condition, out)) {
      return false;
    }
  }
  return true;
}

/**
 * The filter as a native predicate, or undefined when it is outside the subset (use mingo). A
 * document whose tested field holds something else than scalars is handed to a mingo Query of the
 * same filter, compiled on first need and kept only by this matcher.
 */
export function simpleMatcher(filter: Document): DocumentTest | undefined {
  const clauses: Clause[] = [];
  if (!collectClauses(filter, clauses)) return undefined;
  let general: Query | undefined;
  return function simpleMatch(doc) {
    for (const { field, test } of clauses) {
      const present = Object.hasOwn(doc, field);
      const value: unknown = present ? doc[field] : undefined;
      // A present `undefined` (BSON undefined) exists yet reads as missing: mingo decides it.
      if (!isSimpleValue(value) || (present && value === undefined)) {
        general ??= compileQuery(filter);
        return general.test(doc);
      }
      if (!test(value)) return false;
    }
    return true;
  };
}

/** A document test for a filter: native when it can be, else mingo's (always mingo with `let` variables). */
export function documentMatcher(filter: Document, variables?: Document): DocumentTest {
  const native = variables ? undefined : simpleMatcher(filter);
  if (native) return native;
  const query = compileQuery(filter, variables);
  return (doc) => query.test(doc);
}
