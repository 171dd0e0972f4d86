import { type Document, Decimal128, Long, ObjectId, deserialize, serialize } from 'bson';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyNative } from '../../src/embedded-mongo/commands/native-update.ts';
import { applyOperators } from '../../src/embedded-mongo/commands/update-apply.ts';
import { checkUpdateConflicts } from '../../src/embedded-mongo/commands/update-conflicts.ts';

// The native path must give the very document mingo's path gives (bytes and field order).

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const random = rng(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const chance = (p: number) => random() < p;

const DATES = [new Date(1_000), new Date(2_000), new Date(3_000)];
const NUMBERS = [0, -0, 1, -1, 2.5, 7, 1e15, -3.25, 2147483647];

function scalar(): unknown {
  return pick<() => unknown>([
    () => pick(NUMBERS),
    () => new Date(pick(DATES).getTime()),
    () => pick(['x', 'y', '["u","c1"]']),
    () => null,
    () => pick([true, false]),
    () => pick(NUMBERS.slice(0, 4)).toString(),
  ])();
}

function value(depth = 0): unknown {
  if (depth < 2 && chance(0.15))
    return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
  if (depth < 2 && chance(0.15)) return { p: value(depth + 1), q: scalar() };
  return scalar();
}

const PATHS = ['a', 'b', 'n', 'd', 'list', 'o.x', 'o.y', 'o.deep.z', 'new.one', 'state.u1.t', 'state.u2.t'];

function documentOf(): Document {
  const doc: Document = { _id: new ObjectId('64b7f0c2a1b2c3d4e5f60718') };
  for (const field of ['a', 'b', 'n', 'd', 'list', 'o', 'state']) {
    if (!chance(0.7)) continue;
    if (field === 'list')
      doc.list = chance(0.8) ? Array.from({ length: Math.floor(random() * 6) }, scalar) : 5;
    else if (field === 'o')
      doc.o = chance(0.8) ? { x: value(), deep: chance(0.5) ? { z: value() } : 3 } : 'flat';
    else if (field === 'state') doc.state = { u1: { t: pick(NUMBERS) }, u0: { t: 1 } };
    else if (field === 'd') doc.d = new Date(pick(DATES).getTime());
    else doc[field] = chance(0.7) ? pick(NUMBERS) : value();
  }
  return doc;
}

function operand(op: string): unknown {
  switch (op) {
    case '$inc':
      return pick([1, -1, 0.5, 10, -2147483647]);
    case '$max':
    case '$min':
      return chance(0.6) ? pick(NUMBERS) : new Date(pick(DATES).getTime());
    case '$unset':
      return pick(['', 1, true]);
    case '$currentDate':
      return chance(0.5) ? true : { $type: 'date' };
    case '$push': {
      if (chance(0.3)) return value();
      const each = Array.from({ length: Math.floor(random() * 4) }, scalar);
      return chance(0.7) ? { $each: each, $slice: pick([-64, -2, -1, 0, 1, 3, 64]) } : { $each: each };
    }
    default:
      return value();
  }
}

const OPS = ['$set', '$unset', '$inc', '$max', '$min', '$currentDate', '$push'];

function updateOf(): Document {
  const update: Document = {};
  for (let i = 0, n = 1 + Math.floor(random() * 4); i < n; i++) {
    const fields = ((update[pick(OPS)] as Document | undefined) ??= {});
    fields[pick(PATHS)] = operand(Object.keys(update).at(-1) as string);
  }
  for (const [op, fields] of Object.entries(update)) {
    for (const path of Object.keys(fields as Document)) (fields as Document)[path] = operand(op);
  }
  return update;
}

const copyOf = (doc: Document): Document => deserialize(serialize(doc));
const bytes = (doc: Document) => Buffer.from(serialize(doc)).toString('hex');

/** Pushes a marker into every array of the operands, to see whether a document shares it. */
function mutateOperands(update: Document): void {
  for (const fields of Object.values(update)) {
    for (const operandValue of Object.values(fields as Document)) {
      if (Array.isArray(operandValue)) operandValue.push('mutated');
      else if (operandValue && typeof operandValue === 'object' && Array.isArray(operandValue.$each)) {
        (operandValue.$each as unknown[]).push('mutated');
      }
    }
  }
}

/** `op:present` / `op:missing` for each field an update names, to show what the run covered. */
function coverage(doc: Document, update: Document, seen: Set<string>): void {
  for (const [op, fields] of Object.entries(update)) {
    for (const path of Object.keys(fields as Document)) {
      const found = path.split('.').reduce<unknown>((at, key) => (at as Document | undefined)?.[key], doc);
      seen.add(`${op}:${found === undefined ? (path.includes('.') ? 'new-nested' : 'missing') : 'present'}`);
    }
  }
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-02T03:04:05.678Z'));
});
afterAll(() => vi.useRealTimers());

describe('native update path', () => {
  it('gives the same documents as mingo over generated updates', () => {
    let native = 0;
    let fallback = 0;
    const seen = new Set<string>();
    for (let round = 0; round < 3000; round++) {
      const start = documentOf();
      const mine = copyOf(start);
      const theirs = copyOf(start);
      for (let step = 0; step < 3; step++) {
        const update = updateOf();
        try {
          checkUpdateConflicts(update);
        } catch {
          continue;
        }
        const before = bytes(mine);
        const original = copyOf(mine);
        if (applyNative(mine, update)) {
          native++;
          coverage(original, update, seen);
          applyOperators(theirs, update, false);
          expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs));
          expect(bytes(mine)).toBe(bytes(theirs));
          mutateOperands(update);
          expect(bytes(mine)).toBe(bytes(theirs));
        } else {
          fallback++;
          expect(bytes(mine)).toBe(before);
          try {
            applyOperators(mine, update, false);
            applyOperators(theirs, update, false);
          } catch {
            break;
          }
        }
      }
    }
    expect(native).toBeGreaterThan(2000);
    expect(fallback).toBeGreaterThan(500);
    for (const op of OPS) {
      for (const state of ['present', 'missing', 'new-nested']) expect(seen).toContain(`${op}:${state}`);
    }
  });

  it('applies the hot-path chat update as mingo does', () => {
    const chat: Document = {
      _id: 'c1',
      lastSeq: 41,
      lastTime: 1_700_000_000_000,
      hiddenBy: ['u9'],
      recent: Array.from({ length: 64 }, (_, i) => `["u","m${i}"]`),
      state: { u1: { lastOnlineTime: 1_700_000_000_000 }, u2: { lastOnlineTime: 5 } },
    };
    const update = {
      $inc: { lastSeq: 1 },
      $max: { lastTime: 1_700_000_000_500, 'state.u3.lastOnlineTime': 1_700_000_000_500 },
      $set: { hiddenBy: [] },
      $currentDate: { seqAt: true },
      $push: { recent: { $each: ['["u","c1"]'], $slice: -64 } },
    };
    const mine = copyOf(chat);
    const theirs = copyOf(chat);
    expect(applyNative(mine, update)).toBe(true);
    applyOperators(theirs, update, false);
    expect(bytes(mine)).toBe(bytes(theirs));
    expect(mine.recent).toHaveLength(64);
    expect(mine.recent.at(-1)).toBe('["u","c1"]');
    expect(mine.state.u3).toEqual({ lastOnlineTime: 1_700_000_000_500 });
    expect(mine.seqAt).toEqual(new Date('2026-01-02T03:04:05.678Z'));
  });

  const doc = (): Document => ({
    _id: 1,
    n: 1,
    arr: [{ a: 1 }],
    nil: null,
    s: 'x',
    big: Long.fromString('9007199254740993'),
    dec: Decimal128.fromString('1.5'),
    d: new Date(5),
    o: { p: 1 },
  });
  const unsupported: Record<string, Document> = {
    'another operator': { $set: { n: 2 }, $mul: { n: 2 } },
    'a numeric segment': { $set: { 'arr.0.a': 2 } },
    'a positional segment': { $set: { 'arr.$.a': 2 } },
    'all positional': { $inc: { 'arr.$[].a': 2 } },
    'an array on the way': { $set: { 'arr.a': 2 } },
    'a null on the way': { $set: { 'nil.a': 2 } },
    'a scalar on the way': { $set: { 's.a': 2 } },
    'a Date on the way': { $set: { 'd.a': 2 } },
    'an empty segment': { $set: { 'o..p': 2 } },
    'the _id': { $set: { _id: 2 } },
    'a proto path': { $set: { '__proto__.x': 1 } },
    '$inc of a string': { $inc: { s: 1 } },
    '$inc of a null': { $inc: { nil: 1 } },
    '$inc of a Long': { $inc: { big: 1 } },
    '$inc of a Decimal128': { $inc: { dec: 1 } },
    '$inc by a Long': { $inc: { n: Long.fromString('9007199254740993') } },
    '$inc by NaN': { $inc: { n: Number.NaN } },
    '$inc by Infinity': { $inc: { n: Number.POSITIVE_INFINITY } },
    '$inc by a string': { $inc: { n: '1' } },
    '$max of a Date with a number': { $max: { d: 7 } },
    '$min of a number with a Date': { $min: { n: new Date(1) } },
    '$max of a string': { $max: { s: 'y' } },
    '$currentDate timestamp': { $currentDate: { t: { $type: 'timestamp' } } },
    '$currentDate false': { $currentDate: { t: false } },
    '$push onto a non-array': { $push: { s: 1 } },
    '$push with $position': { $push: { arr: { $each: [1], $position: 0 } } },
    '$push with $sort': { $push: { arr: { $each: [1], $sort: 1 } } },
    '$push with a fractional $slice': { $push: { arr: { $each: [1], $slice: 1.5 } } },
    '$push with $each not an array': { $push: { arr: { $each: 1 } } },
    '$push of a $-keyed value': { $push: { arr: { $foo: 1 } } },
    '$push trimming a new array': { $push: { fresh: { $each: [1, 2, 3], $slice: -2 } } },
    'conflicting paths': { $set: { o: 1 }, $inc: { 'o.p': 1 } },
    'a non-object operand': { $set: 5 },
    'one path twice': { $set: { n: 2 }, $inc: { n: 1 } },
    'a constructor segment': { $set: { 'o.constructor': 1 } },
    'a $push value mingo reads as modifiers': { $push: { arr: { constructor: null, $each: [1] } } },
    '$push with a stray field': { $push: { arr: { $each: [1], p: 1 } } },
  };
  it('applies sibling paths that only share a prefix of their names', () => {
    const target = doc();
    expect(applyNative(target, { $set: { 'o.p': 2, 'o.pq': 3 }, $inc: { nn: 1 } })).toBe(true);
    expect(target.o).toEqual({ p: 2, pq: 3 });
    expect(target.nn).toBe(1);
  });

  it('leaves a document holding a constructor field to mingo', () => {
    const target: Document = { _id: 1, constructor: 'x', n: 1 };
    expect(applyNative(target, { $inc: { n: 1 } })).toBe(false);
    expect(target.n).toBe(1);
  });

  for (const [what, update] of Object.entries(unsupported)) {
    it(`leaves ${what} to mingo, untouched`, () => {
      const target = doc();
      const before = bytes(target);
      expect(applyNative(target, update)).toBe(false);
      expect(bytes(target)).toBe(before);
    });
  }
});
