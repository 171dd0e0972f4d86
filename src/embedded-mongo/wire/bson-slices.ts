import { ProtocolError } from './frame.ts';

/**
 * Finds the bytes of sub-documents inside an encoded BSON document without decoding it
 * (https://bsonspec.org/spec.html): used to keep an insert's documents exactly as the client
 * encoded them.
 */

/** The size of an element's value of BSON `type` starting at `at`. */
export function valueSize(bytes: Buffer, type: number, at: number): number {
  switch (type) {
    case 0x01: // double
    case 0x09: // UTC datetime
    case 0x11: // timestamp
    case 0x12: // int64
      return 8;
    case 0x02: // string
    case 0x0d: // JavaScript code
    case 0x0e: // symbol
      return 4 + bytes.readInt32LE(at);
    case 0x03: // document
    case 0x04: // array
    case 0x0f: // code with scope
      return bytes.readInt32LE(at);
    case 0x05: // binary
      return 5 + bytes.readInt32LE(at);
    case 0x06: // undefined
    case 0x0a: // null
    case 0x7f: // max key
    case 0xff: // min key
      return 0;
    case 0x07: // ObjectId
      return 12;
    case 0x08: // boolean
      return 1;
    case 0x0b: {
      // regular expression: two C strings
      const pattern = bytes.indexOf(0, at);
      return bytes.indexOf(0, pattern + 1) + 1 - at;
    }
    case 0x0c: // DBPointer
      return 4 + bytes.readInt32LE(at) + 12;
    case 0x10: // int32
      return 4;
    case 0x13: // decimal128
      return 16;
    default:
      throw new ProtocolError(`unknown BSON type 0x${type.toString(16)}`);
  }
}

/** Each element of a document: where it begins, its name, type, and where its value starts and ends. */
function* elements(
  bytes: Buffer,
): Generator<{ at: number; name: string; type: number; start: number; end: number }> {
  const end = bytes.readInt32LE(0) - 1;
  let at = 4;
  while (at < end) {
    const type = bytes.readUInt8(at);
    const nameEnd = bytes.indexOf(0, at + 1);
    const name = bytes.toString('utf8', at + 1, nameEnd);
    const start = nameEnd + 1;
    const size = valueSize(bytes, type, start);
    yield { at, name, type, start, end: start + size };
    at = start + size;
  }
}

/** The encoded documents of the top-level array `field`, or undefined when it is absent or holds other values. */
export function documentSlices(bytes: Buffer, field: string): Buffer[] | undefined {
  for (const element of elements(bytes)) {
    if (element.name !== field) continue;
    if (element.type !== 0x04) return undefined;
    const slices: Buffer[] = [];
    for (const item of elements(bytes.subarray(element.start, element.end))) {
      if (item.type !== 0x03) return undefined;
      const base = element.start;
      slices.push(bytes.subarray(base + item.start, base + item.end));
    }
    return slices;
  }
  return undefined;
}

/** Each top-level element's whole encoding (type, name and value), by name. */
export function elementSpans(bytes: Buffer): Map<string, Buffer> {
  const spans = new Map<string, Buffer>();
  for (const element of elements(bytes)) spans.set(element.name, bytes.subarray(element.at, element.end));
  return spans;
}

/** The encoded value of top-level `field` when it is a document, else undefined. */
export function documentSlice(bytes: Buffer, field: string): Buffer | undefined {
  for (const element of elements(bytes)) {
    if (element.name === field)
      return element.type === 0x03 ? bytes.subarray(element.start, element.end) : undefined;
  }
  return undefined;
}

/** The BSON type code of the value at a path of plain field names (`["a", "b"]`), if present. */
export function typeAtPath(bytes: Buffer, parts: readonly string[]): number | undefined {
  let current = bytes;
  for (const [i, part] of parts.entries()) {
    const element = [...elements(current)].find((candidate) => candidate.name === part);
    if (!element) return undefined;
    if (i === parts.length - 1) return element.type;
    if (element.type !== 0x03) return undefined;
    current = current.subarray(element.start, element.end);
  }
  return undefined;
}
