import { type Document, Decimal128, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { compileQuery } from './compiled-query.ts';
import { simpleMatcher } from './simple-match.ts';

const VALUES: unknown[] = [
  null,
  0,
  -0,
  1,
  1.0,
  2,
  -3.5,
  NaN,
  Infinity,
  '',
  'a',
  'ab',
  'b',
  '1',
  true,
  false,
  [],
  [1],
  [1, 2],
  [null],
  [NaN],
  [-0],
  ['a', 'b'],
  [1, 'a', true, null],
  { x: 1 },
  [[1]],
  [{ x: 1 }],
  new Date(0),
  new ObjectId('000000000000000000000001'),
  Long.fromString('9223372036854775807'),
  Decimal128.fromString('1'),
];

/** Every value of `a` (and missing), each with `b` missing, 'x' or ['x', 'y']. */
const DOCS: Document[] = [undefined, ...VALUES].flatMap((a, i) =>
  [undefined, 'x', ['x', 'y']].map((b) => ({
    _id: i,
    ...(a === undefined ? {} : { a }),
    ...(b === undefined ? {} : { b }),
  })),
);

const OPERANDS: unknown[] = [null, 0, -0, 1, 2, -3.5, NaN, '', 'a', 'b', '1', true, false];
const RANGE_OPERANDS: unknown[] = [0, -0, 1, 2, -3.5, -1e300, '', 'a', 'b', '1'];

const FILTERS: Document[] = [
  ...OPERANDS.flatMap((v) => [
    { a: v },
    { a: { $eq: v } },
    { a: { $ne: v } },
    { a: { $in: [v, 'b'] } },
    { a: { $nin: [v] } },
    { a: { $nin: [v, 2] } },
    ...(v === null ? [] : [{ a: { $all: [v] } }, { a: { $all: [v, 'a'] } }]),
  ]),
  ...RANGE_OPERANDS.flatMap((v) => ['$gt', '$gte', '$lt', '$lte'].map((op) => ({ a: { [op]: v } }))),
  { a: { $exists: true } },
  { a: { $exists: false } },
  { a: { $exists: 1 } },
  { a: { $exists: 0 } },
  { a: { $in: [] } },
  { a: { $nin: [] } },
  { a: { $all: [] } },
  { a: { $all: [1, 2] } },
  { a: { $gt: 0, $lt: 2 } },
  { a: { $gte: 'a', $ne: 'ab' } },
  { a: 1, b: 'x' },
  { a: { $ne: 1 }, b: { $ne: 'y' } },
  { $and: [{ a: { $exists: true } }, { b: 'y' }] },
  { $and: [{ a: { $in: [1, 'a'] } }, { a: { $nin: [2] } }], b: { $exists: false } },
  { _id: 3, a: { $ne: 'x' } },
];

/**
 * Where mingo departs from MongoDB (checked against MongoDB's rules below): it orders NaN below
 * every number where MongoDB compares it false, and its `$all` never matches a non-array field.
 */
function mingoDiffers(doc: Document, filter: Document): boolean {
  const text = JSON.stringify(filter);
  const nanRange = [doc.a].flat().some((v) => Number.isNaN(v)) && /\$[gl]te?"/.test(text);
  const scalarAll = doc.a !== undefined && !Array.isArray(doc.a) && text.includes('$all');
  return nanRange || scalarAll;
}

describe('simpleMatcher', () => {
  it('agrees with mingo on every document of the corpus for every supported filter', () => {
    const disagreements: string[] = [];
    for (const filter of FILTERS) {
      const native = simpleMatcher(filter);
      expect(native, JSON.stringify(filter)).toBeDefined();
      const general = compileQuery(filter);
      for (const doc of DOCS) {
        if (mingoDiffers(doc, filter)) continue;
        if (native?.(doc) !== general.test(doc))
          disagreements.push(`${JSON.stringify(filter)} on ${String(doc._id)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  const matching = (filter: Document, docs: Document[]) => docs.map((doc) => simpleMatcher(filter)?.(doc));

  it('follows MongoDB equality: array elements, null for missing, numbers by value, NaN equals NaN', () => {
    expect(matching({ a: 1 }, [{ a: [2, 1] }, { a: 1.0 }, { a: [] }, {}, { a: '1' }])).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(matching({ a: null }, [{}, { a: null }, { a: [1, null] }, { a: [] }, { a: 0 }])).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(matching({ a: 0 }, [{ a: -0 }, { a: [-0] }])).toEqual([true, true]);
    expect(matching({ a: NaN }, [{ a: NaN }, { a: [1, NaN] }, { a: 1 }])).toEqual([true, true, false]);
  });

  it('negates equality for $ne and $nin, and $in/$all of nothing match nothing', () => {
    expect(matching({ a: { $ne: 1 } }, [{}, { a: [2, 3] }, { a: [1, 2] }, { a: null }])).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(matching({ a: { $ne: null } }, [{}, { a: [] }, { a: [null] }])).toEqual([false, true, false]);
    expect(matching({ a: { $nin: [1, null] } }, [{}, { a: 2 }, { a: [2, 1] }])).toEqual([false, true, false]);
    expect(matching({ a: { $in: [] } }, [{}, { a: 1 }])).toEqual([false, false]);
    expect(matching({ a: { $all: [] } }, [{ a: [] }, { a: [1] }])).toEqual([false, false]);
    // MongoDB reads $all as an $and of equalities, so a scalar field matches a one-value $all.
    expect(matching({ a: { $all: [1, 2] } }, [{ a: [2, 3, 1] }, { a: [1] }, { a: 1 }])).toEqual([
      true,
      false,
      false,
    ]);
    expect(matching({ a: { $all: [1] } }, [{ a: 1 }, { a: [1] }, {}])).toEqual([true, true, false]);
    expect(matching({ a: { $exists: false } }, [{}, { a: null }])).toEqual([true, false]);
  });

  it('compares ranges within a type bracket, by any array element, NaN never in range', () => {
    expect(matching({ a: { $gt: 1 } }, [{ a: '2' }, { a: [0, 5] }, { a: true }, { a: null }, {}])).toEqual([
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(matching({ a: { $lt: 'b' } }, [{ a: 'a' }, { a: 0 }, { a: ['c', 'a'] }])).toEqual([
      true,
      false,
      true,
    ]);
    expect(matching({ a: { $gte: -5 } }, [{ a: NaN }, { a: [NaN] }, { a: -0 }])).toEqual([
      false,
      false,
      true,
    ]);
    expect(matching({ a: { $lte: 0 } }, [{ a: -0 }, { a: NaN }])).toEqual([true, false]);
    expect(matching({ a: { $gt: 5, $lt: 10 } }, [{ a: [1, 20] }, { a: [7] }])).toEqual([true, true]);
  });

  it('orders strings by code point (UTF-8 bytes), as MongoDB does', () => {
    expect(matching({ a: { $gt: '\uffff' } }, [{ a: '\u{10000}' }, { a: '\ud7ff' }])).toEqual([true, false]);
    expect(matching({ a: { $lt: '\u{1f600}' } }, [{ a: '\ue000' }, { a: '\u{1f601}' }])).toEqual([
      true,
      false,
    ]);
  });

  it('hands values outside its subset to mingo and still answers like it', () => {
    const filter = { a: { $ne: 1 }, b: 'x' };
    const general = compileQuery(filter);
    const docs = [
      { a: { x: 1 }, b: 'x' },
      { a: new Date(0), b: 'x' },
      { a: [[1]], b: 'x' },
      { a: undefined, b: 'x' },
    ];
    expect(docs.map((doc) => simpleMatcher(filter)?.(doc))).toEqual(docs.map((doc) => general.test(doc)));
  });

  it('leaves everything outside the subset to mingo', () => {
    const unsupported: Document[] = [
      { $or: [{ a: 1 }] },
      { $nor: [{ a: 1 }] },
      { $expr: { $eq: ['$a', 1] } },
      { $and: [] },
      { $and: [1] },
      { $comment: 'x' },
      { 'a.b': 1 },
      { a: { $not: { $eq: 1 } } },
      { a: { $regex: '^a' } },
      { a: /a/ },
      { a: { $elemMatch: { $eq: 1 } } },
      { a: { $size: 1 } },
      { a: { $type: 'string' } },
      { a: { x: 1 } },
      { a: {} },
      { a: [1] },
      { a: { $in: [[1]] } },
      { a: { $in: 1 } },
      { a: { $all: [null] } },
      { a: { $eq: { x: 1 } } },
      { a: new ObjectId() },
      { a: new Date() },
      { a: Long.fromNumber(1) },
      { a: { $gt: null } },
      { a: { $gt: true } },
      { a: { $gt: NaN } },
      { a: { $lt: Infinity } },
      { a: { $exists: 'yes' } },
      { a: { $gt: 1, b: 2 } },
    ];
    for (const filter of unsupported)
      expect(simpleMatcher(filter), String(JSON.stringify(filter))).toBeUndefined();
  });
});
