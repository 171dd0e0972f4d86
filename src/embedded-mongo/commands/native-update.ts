import type { Document } from 'bson';
import * as mingoUtil from 'mingo/util';

/**
 * A direct implementation of the common update operators, for what mingo's operator functions
 * cost per update (path walks, option lookups, result lists): several µs on a chat message's
 * update. It covers only shapes where it gives the very document mingo's path gives (field order
 * included) and where mongod would not refuse the update; the rest is left to mingo
 * (`applyNative` returns false, nothing touched). Values are compared with mingo's own functions.
 */

// Bound once: a bundle reaches mingo's CommonJS exports through a chain of getters per call.
const { compare, isDate, isEqual, isObject, isRegExp } = mingoUtil;

type Op = '$set' | '$unset' | '$inc' | '$max' | '$min' | '$currentDate' | '$push';
const SUPPORTED = new Set<string>(['$set', '$unset', '$inc', '$max', '$min', '$currentDate', '$push']);

interface Step {
  op: Op;
  path: string;
  parts: string[];
  value: unknown;
}

/** mingo's `cloneMode: 'copy'`: one level copied, so the command's containers are not shared. */
function copy(value: unknown): unknown {
  if (isDate(value)) return new Date(value);
  if (Array.isArray(value)) return value.slice();
  if (isObject(value)) return Object.assign({}, value);
  if (isRegExp(value)) return new RegExp(value);
  return value;
}

const RESERVED = new Set(['', '__proto__', 'constructor', 'prototype']);

/** Whether mingo or mongod treat a segment specially (array index, positional, prototype names). */
function special(part: string): boolean {
  if (RESERVED.has(part) || part.includes('$')) return true;
  for (let i = 0; i < part.length; i++) {
    const code = part.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function plainSegments(path: string): string[] | undefined {
  if (path === '_id' || path.startsWith('_id.')) return undefined;
  const parts = path.split('.');
  for (const part of parts) if (special(part)) return undefined;
  return parts;
}

/**
 * A plain object, which mingo's walk descends into too. Stricter than mingo's `isObject` (which
 * reads `constructor`, a field a document may hold): where the two differ the update falls back.
 */
function isPlain(value: unknown): value is Document {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !Object.hasOwn(value, 'constructor');
}

/**
 * The object holding the last segment, as of now: `null` when the path is missing from some
 * intermediate on (it will be created), undefined when an intermediate is not a plain object.
 */
function parentOf(doc: Document, parts: string[]): Document | null | undefined {
  let current: Document = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next: unknown = current[parts[i] as string];
    if (next === undefined) return null;
    if (!isPlain(next)) return undefined;
    current = next;
  }
  return current;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value);
const isValidDate = (value: unknown): value is Date => isDate(value) && !Number.isNaN(value.getTime());

function pushArgs(value: unknown): { each: unknown[]; slice?: number } | undefined {
  // mingo's own test decides whether the value carries modifiers.
  if (!isObject(value)) return value === undefined ? undefined : { each: [value] };
  if (!isPlain(value)) return undefined;
  let modifiers = false;
  let others = false;
  for (const key of Object.keys(value)) {
    if (key === '$each' || key === '$slice') modifiers = true;
    else others = true;
    if (key.startsWith('$') && key !== '$each' && key !== '$slice') return undefined;
  }
  if (!modifiers) return { each: [value] };
  const { $each, $slice } = value;
  if (others || !Array.isArray($each)) return undefined;
  if ($slice !== undefined && !Number.isInteger($slice)) return undefined;
  return { each: $each as unknown[], slice: $slice as number | undefined };
}

/** Whether `op` can apply `value` to the field's current value (undefined when missing). */
function supported(op: Op, current: unknown, value: unknown): boolean {
  switch (op) {
    case '$set':
      return value !== undefined;
    case '$unset':
      return true;
    case '$inc':
      return isNumber(value) && Number.isFinite(value) && (current === undefined || isNumber(current));
    case '$max':
    case '$min':
      if (isNumber(value)) return current === undefined || isNumber(current);
      return isValidDate(value) && (current === undefined || isValidDate(current));
    case '$currentDate':
      return value === true || (isPlain(value) && value.$type === 'date' && Object.keys(value).length === 1);
    case '$push': {
      const args = pushArgs(value);
      if (!args || (current !== undefined && !Array.isArray(current))) return false;
      // mingo creates a missing array without applying $slice (mongod applies it): left to mingo.
      const { each, slice } = args;
      const trims = slice !== undefined && (slice === 0 ? each.length > 0 : Math.abs(slice) < each.length);
      return current !== undefined || !trims;
    }
  }
}

/** The steps of `operators` in mingo's order, or undefined when any is outside the subset. */
function plan(doc: Document, operators: Document): Step[] | undefined {
  if (!isPlain(doc)) return undefined;
  const steps: Step[] = [];
  for (const op of Object.keys(operators)) {
    const fields: unknown = operators[op];
    if (!SUPPORTED.has(op) || !isPlain(fields)) return undefined;
    for (const path of Object.keys(fields)) {
      const value = fields[path];
      const parts = plainSegments(path);
      const parent = parts && parentOf(doc, parts);
      if (!parts || parent === undefined) return undefined;
      const current = parent === null ? undefined : parent[parts.at(-1) as string];
      if (!supported(op as Op, current, value)) return undefined;
      steps.push({ op: op as Op, path, parts, value });
    }
  }
  return conflicting(steps) ? undefined : steps;
}

/** `b` is `a` or lies under it (`a.x`). */
const within = (a: string, b: string) =>
  b.startsWith(a) && (b.length === a.length || b.charCodeAt(a.length) === 46);

/** The callers refuse conflicting paths already; without that check the order would matter. */
function conflicting(steps: Step[]): boolean {
  for (let i = 0; i < steps.length; i++) {
    for (let j = i + 1; j < steps.length; j++) {
      const a = (steps[i] as Step).path;
      const b = (steps[j] as Step).path;
      if (within(a, b) || within(b, a)) return true;
    }
  }
  return false;
}

/** The parent object of `parts`, creating missing intermediates as mingo and mongod do. */
function parentFor(doc: Document, parts: string[]): Document {
  let current = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i] as string;
    current[key] ??= {};
    current = current[key] as Document;
  }
  return current;
}

function push(parent: Document, key: string, value: unknown): void {
  const { each, slice } = pushArgs(value) as { each: unknown[]; slice?: number };
  const array = parent[key] as unknown[] | undefined;
  if (array === undefined) {
    parent[key] = each.slice();
    return;
  }
  for (const item of each) array.push(item);
  if (slice === undefined) return;
  if (slice < 0) array.splice(0, Math.max(0, array.length + slice));
  else array.splice(slice);
}

function apply(step: Step, doc: Document, now: number): void {
  const { op, parts, value } = step;
  const key = parts.at(-1) as string;
  if (op === '$unset') {
    const parent = parentOf(doc, parts);
    if (parent && Object.hasOwn(parent, key)) delete parent[key];
    return;
  }
  const parent = parentFor(doc, parts);
  const current: unknown = parent[key];
  if (op === '$set') {
    if (!isEqual(current, value)) parent[key] = copy(value);
  } else if (op === '$inc') {
    // As mingo: `||` makes a missing field (and -0) start from 0.
    parent[key] = ((current as number | undefined) || 0) + (value as number);
  } else if (op === '$max') {
    if (!(compare(current, value) > -1)) parent[key] = value;
  } else if (op === '$min') {
    if (!(current !== undefined && compare(current, value) < 1)) parent[key] = value;
  } else if (op === '$currentDate') {
    parent[key] = new Date(now);
  } else {
    push(parent, key, value);
  }
}

/**
 * Applies `operators` to `doc` in place and returns true when every operator and path is in
 * the subset above; otherwise returns false with `doc` untouched, for mingo to apply.
 */
export function applyNative(doc: Document, operators: Document): boolean {
  const steps = plan(doc, operators);
  if (!steps) return false;
  const now = Date.now();
  for (const step of steps) apply(step, doc, now);
  return true;
}
