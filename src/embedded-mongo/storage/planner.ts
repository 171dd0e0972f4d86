import type { Document } from 'bson';
import type { Collection } from './collection.ts';
import { extractBounds, type FieldBounds } from './filter-bounds.ts';
import { complement, encodeDirected, prefixSuccessor, typeTag } from './index-key.ts';
import type { OrderedIndex } from './ordered-index.ts';

const MAX_INTERVALS = 4096;

/** How a query will read its candidates: one index's key intervals, or the whole collection. */
export interface QueryPlan {
  index?: OrderedIndex;
  intervals: Array<[string, string]>;
  reverse: boolean;
  /** True when candidates already come out in the requested sort order. */
  sorted: boolean;
  /** True when the key intervals express the whole filter: candidates need no re-check. */
  exact: boolean;
  score: number;
}

function rangeInterval(prefix: string, bounds: FieldBounds, dir: number): [string, string] | undefined {
  const { lower, upper } = bounds;
  const tagOf = (value: unknown): string => (dir < 0 ? complement(typeTag(value)) : typeTag(value));
  if (lower && upper && typeTag(lower.value) !== typeTag(upper.value)) return undefined;
  const bracket = prefix + tagOf((lower ?? upper)?.value);
  const keyLow = dir < 0 ? upper : lower;
  const keyHigh = dir < 0 ? lower : upper;
  const low = keyLow
    ? keyLow.inclusive
      ? prefix + encodeDirected(keyLow.value, dir)
      : prefixSuccessor(prefix + encodeDirected(keyLow.value, dir))
    : bracket;
  const high = keyHigh
    ? keyHigh.inclusive
      ? prefixSuccessor(prefix + encodeDirected(keyHigh.value, dir))
      : prefix + encodeDirected(keyHigh.value, dir)
    : prefixSuccessor(bracket);
  return [low, high];
}

/** Whether the index yields `sort` order after its equality prefix: 1 forward, -1 reverse, 0 no. */
function sortDirection(index: OrderedIndex, eqFields: Set<string>, sort: Document | undefined): number {
  const wanted = Object.entries(sort ?? {}).filter(([field]) => !eqFields.has(field));
  if (wanted.length === 0) return 1;
  if (index.multikey) return 0;
  const rest = index.fields.slice(eqFields.size);
  let direction = 0;
  for (let i = 0; i < wanted.length; i++) {
    const [field, dir] = wanted[i] as [string, unknown];
    const indexed = rest[i];
    if (!indexed || indexed[0] !== field || (dir !== 1 && dir !== -1)) return 0;
    const relation = dir === indexed[1] ? 1 : -1;
    if (direction !== 0 && relation !== direction) return 0;
    direction = relation;
  }
  return direction;
}

function planIndex(index: OrderedIndex, bounds: Map<string, FieldBounds>, sort?: Document): QueryPlan {
  let prefixes = [''];
  const eqFields = new Set<string>();
  for (const [field, dir] of index.fields) {
    const fieldBounds = bounds.get(field);
    if (fieldBounds?.points && prefixes.length * fieldBounds.points.length <= MAX_INTERVALS) {
      const parts = [...new Set(fieldBounds.points.map((p) => encodeDirected(p, dir)))].sort();
      prefixes = prefixes.flatMap((prefix) => parts.map((part) => prefix + part));
      eqFields.add(field);
      continue;
    }
    if (fieldBounds && (fieldBounds.lower || fieldBounds.upper) && !index.multikey) {
      const ranges = prefixes.map((prefix) => rangeInterval(prefix, fieldBounds, dir));
      if (ranges.every((range) => range !== undefined)) {
        const exact = isExact(index, bounds, eqFields, field, fieldBounds);
        return finish(index, ranges, eqFields, true, sort, exact);
      }
    }
    break;
  }
  const intervals = prefixes.map((prefix): [string, string] => [prefix, prefixSuccessor(prefix)]);
  return finish(index, intervals, eqFields, false, sort, isExact(index, bounds, eqFields));
}

/** Whether every filter condition became an equality or the single range of this index. */
function isExact(
  index: OrderedIndex,
  bounds: Map<string, FieldBounds>,
  eqFields: Set<string>,
  rangeField?: string,
  range?: FieldBounds,
): boolean {
  if (index.multikey || bounds.size !== eqFields.size + (rangeField ? 1 : 0)) return false;
  for (const field of eqFields) {
    const fieldBounds = bounds.get(field);
    if (!fieldBounds || fieldBounds.partial || fieldBounds.lower || fieldBounds.upper) return false;
  }
  return !range || (!range.partial && !range.points);
}

function finish(
  index: OrderedIndex,
  intervals: Array<[string, string]>,
  eqFields: Set<string>,
  ranged: boolean,
  sort: Document | undefined,
  exact: boolean,
): QueryPlan {
  const direction = intervals.length === 1 ? sortDirection(index, eqFields, sort) : 0;
  const sorted = direction !== 0 && sort !== undefined && Object.keys(sort).length > 0;
  const score = eqFields.size * 4 + (ranged ? 2 : 0) + (sorted ? 1 : 0) + (index.unique ? 0.5 : 0);
  return {
    index,
    intervals,
    reverse: direction < 0,
    sorted,
    exact,
    score: eqFields.size || ranged || sorted ? score : 0,
  };
}

/**
 * Picks the index that narrows a query the most (equality prefix, then a range, then a sort it
 * provides); a plan with no index is a collection scan in natural order.
 */
export function planQuery(collection: Collection, filter: Document, sort?: Document): QueryPlan {
  const bounds = extractBounds(filter);
  let best: QueryPlan = {
    intervals: [],
    reverse: false,
    sorted: Object.keys(sort ?? {}).length === 0,
    exact: bounds.size === 0,
    score: 0,
  };
  for (const index of collection.indexes.values()) {
    if (index.isFiltered) continue;
    const plan = planIndex(index, bounds, sort);
    if (plan.score > best.score) best = plan;
  }
  return best;
}

/** Record ids of a plan's candidates in plan order (de-duplicated for multikey indexes). */
export function* candidates(collection: Collection, plan: QueryPlan): Generator<number> {
  if (!plan.index) {
    yield* collection.records.keys();
    return;
  }
  const seen = plan.index.multikey || plan.intervals.length > 1 ? new Set<number>() : undefined;
  const intervals = plan.reverse ? [...plan.intervals].reverse() : plan.intervals;
  for (const [low, high] of intervals) {
    for (const rid of plan.index.entries.range(low, high, plan.reverse)) {
      if (seen) {
        if (seen.has(rid)) continue;
        seen.add(rid);
      }
      yield rid;
    }
  }
}
