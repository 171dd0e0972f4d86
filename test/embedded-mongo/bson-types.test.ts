import { BSON, Binary, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Loose, useHarness } from './harness.ts';

const h = useHarness();
beforeEach(async () => {
  await h.db.collection<Loose>('types').drop();
  await h.db.collection<Loose>('types').insertOne({
    _id: 1,
    d: new Double(1),
    l: Long.fromNumber(5),
    big: Long.fromString('9007199254740993'),
    i: new Int32(7),
    nested: { d: new Double(2) },
    n: 0,
  });
});

/** Reads documents with their BSON wrappers (the driver promotes numbers by default). */
function typed() {
  return h.db.collection<Loose>('types', { promoteValues: false, promoteLongs: false });
}

describe('numeric BSON types round-trip', () => {
  it('finds return int64 and double as stored, with and without a filter or an inclusion projection', async () => {
    for (const doc of [
      await typed().findOne({ _id: 1 }),
      await typed().findOne({ n: 0 }),
      await typed().findOne({ i: { $gt: 1 } }, { projection: { d: 1, big: 1, nested: 1 } }),
    ]) {
      expect(doc?.d).toBeInstanceOf(Double);
      expect(doc?.big).toBeInstanceOf(Long);
      expect(String(doc?.big)).toBe('9007199254740993');
      expect((doc?.nested as { d: unknown }).d).toBeInstanceOf(Double);
    }
    expect((await typed().findOne({ _id: 1 }))?.l).toBeInstanceOf(Long);
  });

  it('an update keeps the types of the numbers it does not change', async () => {
    await h.db.collection<Loose>('types').updateOne({ _id: 1 }, { $inc: { n: 1 } });
    const doc = await typed().findOne({ _id: 1 });
    expect(doc?.d).toBeInstanceOf(Double);
    expect(doc?.l).toBeInstanceOf(Long);
    expect(String(doc?.big)).toBe('9007199254740993');
    expect(doc?.i).toBeInstanceOf(Int32);
    const image = await typed().findOneAndUpdate(
      { _id: 1 },
      { $set: { s: 'x' } },
      { returnDocument: 'after' },
    );
    expect(image?.d).toBeInstanceOf(Double);
    expect(image?.l).toBeInstanceOf(Long);
  });
});

describe('types an update writes', () => {
  it('$set, $setOnInsert and replacements store the client type', async () => {
    const coll = h.db.collection<Loose>('types');
    await coll.updateOne({ _id: 1 }, { $set: { n: new Double(2), 'nested.l': Long.fromNumber(3), i: 7 } });
    let doc = await typed().findOne({ _id: 1 });
    expect(doc?.n).toBeInstanceOf(Double);
    expect((doc?.nested as { l: unknown }).l).toBeInstanceOf(Long);
    expect((doc?.nested as { d: unknown }).d).toBeInstanceOf(Double);
    expect(doc?.i).toBeInstanceOf(Int32);
    await coll.updateOne({ _id: 2 }, { $setOnInsert: { s: new Double(4) } }, { upsert: true });
    expect((await typed().findOne({ _id: 2 }))?.s).toBeInstanceOf(Double);
    await coll.replaceOne({ _id: 1 }, { r: Long.fromNumber(1), q: new Double(5) });
    doc = await typed().findOne({ _id: 1 });
    expect(doc?.r).toBeInstanceOf(Long);
    expect(doc?.q).toBeInstanceOf(Double);
    const image = await typed().findOneAndUpdate(
      { _id: 1 },
      { $set: { r: new Double(6) } },
      { returnDocument: 'after' },
    );
    expect(image?.r).toBeInstanceOf(Double);
  });

  it('$inc and $mul follow MongoDB arithmetic types', async () => {
    const coll = h.db.collection<Loose>('types');
    await coll.updateOne(
      { _id: 1 },
      { $inc: { l: 1, d: 1, i: 1, fresh: Long.fromNumber(2) }, $mul: { n: new Double(3) } },
    );
    const doc = await typed().findOne({ _id: 1 });
    expect(doc?.l).toBeInstanceOf(Long);
    expect(Number(doc?.l)).toBe(6);
    expect(doc?.d).toBeInstanceOf(Double);
    expect(Number(doc?.d)).toBe(2);
    expect(doc?.i).toBeInstanceOf(Int32);
    expect(doc?.fresh).toBeInstanceOf(Long);
    expect(doc?.n).toBeInstanceOf(Double);
    await coll.updateOne({ _id: 1 }, { $inc: { i: 2147483647, big: 0 } });
    const after = await typed().findOne({ _id: 1 });
    expect(after?.i).toBeInstanceOf(Long);
    expect(String(after?.big)).toBe('9007199254740993');
  });
});

describe('aggregation results', () => {
  it('keep stored numeric types when the stages only select, order or drop', async () => {
    const [doc] = await typed()
      .aggregate([{ $match: { n: 0 } }, { $sort: { _id: 1 } }, { $project: { d: 1, l: 1, nested: 1 } }])
      .toArray();
    expect(doc?.d).toBeInstanceOf(Double);
    expect(doc?.l).toBeInstanceOf(Long);
    expect((doc?.nested as { d: unknown }).d).toBeInstanceOf(Double);
  });
});

describe('pipeline writes', () => {
  it('$out stores the source types, and $merge keeps the types of the fields it does not change', async () => {
    await h.db
      .collection<Loose>('types')
      .aggregate([{ $match: { _id: 1 } }, { $out: 'types_out' }])
      .toArray();
    const out = await h.db
      .collection<Loose>('types_out', { promoteValues: false, promoteLongs: false })
      .findOne({});
    expect(out?.d).toBeInstanceOf(Double);
    expect(String(out?.big)).toBe('9007199254740993');
    await h.db
      .collection<Loose>('types')
      .aggregate([{ $project: { _id: 1, added: { $literal: 1 } } }, { $merge: { into: 'types_out' } }])
      .toArray();
    const merged = await h.db
      .collection<Loose>('types_out', { promoteValues: false, promoteLongs: false })
      .findOne({});
    expect(merged?.d).toBeInstanceOf(Double);
    expect(merged?.l).toBeInstanceOf(Long);
    expect(Number(merged?.added)).toBe(1);
    await h.db.collection<Loose>('types_out').drop();
  });
});

describe('every BSON type is stored as sent', () => {
  it('returns an inserted document byte for byte', async () => {
    const doc = {
      _id: new ObjectId(),
      dec: Decimal128.fromString('1.10'),
      bin: new Binary(Buffer.from([1, 2, 3]), 4),
      ts: new Timestamp({ t: 1, i: 2 }),
      re: /a+b/i,
      when: new Date(0),
      min: new MinKey(),
      max: new MaxKey(),
      nothing: null,
      flags: [true, false],
      d: new Double(3),
      l: Long.fromString('-9007199254740993'),
      s: 'é',
    };
    const coll = h.db.collection<Loose>('types');
    await coll.insertOne(doc);
    await coll.insertMany([
      { ...doc, _id: new ObjectId() },
      { ...doc, _id: new ObjectId() },
    ]);
    const raw = await h.db.collection('types').find({ _id: doc._id }, { raw: true }).toArray();
    expect(Buffer.from(raw[0] as unknown as Uint8Array).equals(Buffer.from(BSON.serialize(doc)))).toBe(true);
    const viaFilter = await h.db.collection('types').find({ s: 'é' }, { raw: true }).toArray();
    expect(viaFilter).toHaveLength(3);
  });
});
