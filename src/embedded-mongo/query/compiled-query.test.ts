import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { compileQuery } from './compiled-query.ts';

const DOCS = [
  { _id: 1, a: 5, tags: ['x', 'y'], sub: { b: 'hi' } },
  { _id: 2, a: 1, tags: [], sub: { b: 'ho' } },
  { _id: 3, tags: ['y'], sub: null },
];

const CONDITIONS = [
  { a: { $gt: 2 } },
  { tags: 'y', 'sub.b': { $regex: '^h' } },
  { $or: [{ a: { $exists: false } }, { tags: { $size: 0 } }] },
  { $expr: { $gt: [{ $size: '$tags' }, 1] } },
  { tags: { $all: ['x', 'y'] }, a: { $ne: 1 } },
  { sub: { $type: 'object' }, 'sub.b': { $in: ['ho'] } },
];

describe('compileQuery', () => {
  it('matches exactly what a mingo Query with all operators matches', () => {
    for (const condition of CONDITIONS) {
      const general = new Query(condition, {});
      const shared = compileQuery(condition);
      expect(
        DOCS.map((doc) => shared.test(doc)),
        JSON.stringify(condition),
      ).toEqual(DOCS.map((doc) => general.test(doc)));
    }
  });

  it('evaluates let variables', () => {
    const query = compileQuery({ $expr: { $eq: ['$a', '$$wanted'] } }, { wanted: 5 });
    expect(DOCS.map((doc) => query.test(doc))).toEqual([true, false, false]);
  });

  it('projects with the projection operators', () => {
    const [first] = compileQuery({})
      .find(DOCS, { tags: { $slice: 1 }, a: 1 })
      .all();
    expect(first).toEqual({ _id: 1, a: 5, tags: ['x'] });
  });
});
