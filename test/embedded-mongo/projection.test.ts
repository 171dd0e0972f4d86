import { Double, Long } from 'mongodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Loose, useHarness } from './harness.ts';

const h = useHarness();
const docs = () => h.db.collection<Loose>('projected');

beforeAll(async () => {
  await docs().insertMany([
    {
      _id: 1,
      name: 'a',
      big: Long.fromString('9007199254740993'),
      state: { u1: { read: 3, hidden: [1, 2] }, u2: { read: new Double(4) } },
      tags: ['x', 'y'],
      list: [{ k: 1, v: 'one' }, { k: 2 }],
      scalar: 7,
    },
    { _id: 2, name: 'b', state: {}, scalar: { inner: 1 } },
    { _id: 3, name: 'c' },
  ]);
});

/** The three documents under `projection`, through an exact `_id` plan and a filtered scan alike. */
async function both(projection: Loose) {
  const byId = await docs()
    .find({ _id: { $in: [1, 2, 3] } }, { projection })
    .sort({ _id: 1 })
    .toArray();
  const scanned = await docs()
    .find({ name: { $exists: true } }, { projection })
    .sort({ _id: 1 })
    .toArray();
  expect(scanned).toEqual(byId);
  return byId;
}

describe('find projections', () => {
  it('an inclusion keeps the document order and _id, and a dotted path keeps the embedded document', async () => {
    const [one, two, three] = await both({ 'state.u1': 1, name: 1 });
    expect(Object.keys(one ?? {})).toEqual(['_id', 'name', 'state']);
    expect(one).toEqual({ _id: 1, name: 'a', state: { u1: { read: 3, hidden: [1, 2] } } });
    expect(two).toEqual({ _id: 2, name: 'b', state: {} });
    expect(three).toEqual({ _id: 3, name: 'c' });
  });

  it('a dotted inclusion through a scalar leaves the field out; through an array it projects each element', async () => {
    const [one, two] = await both({ 'scalar.inner': 1, 'list.k': 1, _id: 0 });
    expect(one).toEqual({ list: [{ k: 1 }, { k: 2 }] });
    expect(two).toEqual({ scalar: { inner: 1 } });
  });

  it('an exclusion drops the fields and the dotted fields, keeping everything else in order', async () => {
    const [one, two, three] = await both({ 'state.u1': 0, tags: 0, list: 0 });
    expect(Object.keys(one ?? {})).toEqual(['_id', 'name', 'big', 'state', 'scalar']);
    expect(one?.state).toEqual({ u2: { read: 4 } });
    expect(two).toEqual({ _id: 2, name: 'b', state: {}, scalar: { inner: 1 } });
    expect(three).toEqual({ _id: 3, name: 'c' });
  });

  it('_id alone: 1 keeps only the id, 0 drops only the id', async () => {
    expect(await both({ _id: 1 })).toEqual([{ _id: 1 }, { _id: 2 }, { _id: 3 }]);
    const [, , three] = await both({ _id: 0 });
    expect(three).toEqual({ name: 'c' });
  });

  it('projected numbers keep their BSON types', async () => {
    const typed = h.db.collection<Loose>('projected', { promoteValues: false, promoteLongs: false });
    const doc = await typed.findOne({ _id: 1 }, { projection: { big: 1, 'state.u2': 1 } });
    expect(doc?.big).toBeInstanceOf(Long);
    expect(String(doc?.big)).toBe('9007199254740993');
    expect((doc?.state as { u2: { read: unknown } }).u2.read).toBeInstanceOf(Double);
  });

  it('mixing inclusion and exclusion is refused, as mongod refuses it', async () => {
    await expect(docs().findOne({ _id: 1 }, { projection: { name: 1, tags: 0 } })).rejects.toThrow();
  });
});

describe('findOneAndUpdate images under a projection', () => {
  it('returns the post-image or the pre-image cut by the projection, types kept', async () => {
    const typed = h.db.collection<Loose>('projected', { promoteValues: false, promoteLongs: false });
    const after = await typed.findOneAndUpdate(
      { _id: 1 },
      { $inc: { scalar: 1 } },
      { returnDocument: 'after', projection: { state: 0, list: 0, tags: 0 } },
    );
    expect(Object.keys(after ?? {})).toEqual(['_id', 'name', 'big', 'scalar']);
    expect(after?.big).toBeInstanceOf(Long);
    expect(Number(after?.scalar)).toBe(8);
    const before = await docs().findOneAndUpdate(
      { _id: 1 },
      { $inc: { scalar: 1 } },
      { returnDocument: 'before', projection: { 'state.u1.read': 1, scalar: 1 } },
    );
    expect(before).toEqual({ _id: 1, state: { u1: { read: 3 } }, scalar: 8 });
  });
});
