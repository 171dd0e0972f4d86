import { Binary, Decimal128, Double, EJSON, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';

/**
 * Order-preserving string encoding of index key values.
 *
 * Every value encodes to a prefix-free string whose plain string order (`<`) matches MongoDB's
 * BSON comparison order (type brackets first, then value), so a compound key is the concatenation
 * of its components and a sorted array of strings serves equality, range and sort by binary search.
 * A descending component is the bitwise complement of its ascending form, which reverses its order.
 */

const TAG_MIN = '\x01';
const TAG_NULL = '\x02';
const TAG_NUMBER = '\x03';
const TAG_STRING = '\x04';
const TAG_OBJECT = '\x05';
const TAG_ARRAY = '\x06';
const TAG_BINARY = '\x07';
const TAG_OBJECT_ID = '\x08';
const TAG_BOOLEAN = '\x09';
const TAG_DATE = '\x0a';
const TAG_TIMESTAMP = '\x0b';
const TAG_OTHER = '\x0c';
const TAG_MAX = '\x0e';

const numberView = new DataView(new ArrayBuffer(8));

/** 8 latin1 characters whose order equals numeric order of the float64 (NaN lowest, as MongoDB). */
function encodeNumber(value: number): string {
  numberView.setFloat64(0, Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value === 0 ? 0 : value);
  const high = numberView.getUint32(0);
  const low = numberView.getUint32(4);
  const flip = high & 0x80000000 ? 0xffffffff : 0x80000000;
  const a = (high ^ flip) >>> 0;
  const b = flip === 0x80000000 ? low : ~low >>> 0;
  return String.fromCharCode(
    a >>> 24,
    (a >>> 16) & 0xff,
    (a >>> 8) & 0xff,
    a & 0xff,
    b >>> 24,
    (b >>> 16) & 0xff,
    (b >>> 8) & 0xff,
    b & 0xff,
  );
}

/** Escapes NUL so that the two-character terminator `\0\0` sorts before any continuation. */
function encodeText(value: string): string {
  return `${value.includes('\0') ? value.replaceAll('\0', '\0\xff') : value}\0\0`;
}

/** The type-bracket tag of a value: the first character of its encoding. */
export function typeTag(value: unknown): string {
  return encodeKeyValue(value).charAt(0);
}

/** Encodes one scalar (already extracted) value of an index key. */
export function encodeKeyValue(value: unknown): string {
  if (value === null || value === undefined) return TAG_NULL;
  switch (typeof value) {
    case 'number':
      return TAG_NUMBER + encodeNumber(value);
    case 'bigint':
      return TAG_NUMBER + encodeNumber(Number(value));
    case 'string':
      return TAG_STRING + encodeText(value);
    case 'boolean':
      return TAG_BOOLEAN + (value ? '1' : '0');
    default:
      return encodeObjectValue(value);
  }
}

function encodeObjectValue(value: object): string {
  if (value instanceof ObjectId) return TAG_OBJECT_ID + String.fromCharCode(...value.id);
  if (value instanceof Date) return TAG_DATE + encodeNumber(value.getTime());
  if (value instanceof Long || value instanceof Int32 || value instanceof Double) {
    return TAG_NUMBER + encodeNumber(Number(value.valueOf()));
  }
  if (value instanceof Decimal128) return TAG_NUMBER + encodeNumber(Number(value.toString()));
  if (value instanceof Timestamp) return TAG_TIMESTAMP + encodeNumber(value.toNumber());
  if (value instanceof Binary) return TAG_BINARY + encodeText(Buffer.from(value.buffer).toString('latin1'));
  if (value instanceof MinKey) return TAG_MIN;
  if (value instanceof MaxKey) return TAG_MAX;
  if (Array.isArray(value)) return TAG_ARRAY + encodeText(EJSON.stringify(value, { relaxed: false }));
  if (value instanceof RegExp) return TAG_OTHER + encodeText(String(value));
  return TAG_OBJECT + encodeText(EJSON.stringify(value, { relaxed: false }));
}

/** Reverses the order of an encoded component (used for descending index fields). */
export function complement(encoded: string): string {
  let out = '';
  for (let i = 0; i < encoded.length; i++) out += String.fromCharCode(0xffff - encoded.charCodeAt(i));
  return out;
}

/** Encodes a component with the index field's direction applied. */
export function encodeDirected(value: unknown, direction: number): string {
  const encoded = encodeKeyValue(value);
  return direction < 0 ? complement(encoded) : encoded;
}

/** Smallest string greater than every string that starts with `prefix`. */
export function prefixSuccessor(prefix: string): string {
  let end = prefix.length;
  while (end > 0 && prefix.charCodeAt(end - 1) === 0xffff) end--;
  if (end === 0) return '\uffff'.repeat(prefix.length + 1);
  return prefix.slice(0, end - 1) + String.fromCharCode(prefix.charCodeAt(end - 1) + 1);
}
