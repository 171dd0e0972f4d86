import { type Document, deserialize, Long, ObjectId } from 'bson';

/**
 * Reads selected top-level fields straight from BSON bytes. Building indexes for a million
 * documents on start-up only needs a few fields each; a full `deserialize` would cost several
 * times more. Compound values (documents, arrays, rarer types) fall back to `deserialize`.
 * https://bsonspec.org/spec.html
 */
export function readTopLevelFields(raw: Uint8Array, names: ReadonlySet<string>): Document {
  const buffer = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const out: Document = {};
  let found = 0;
  let offset = 4;
  const end = buffer.readInt32LE(0) - 1;
  while (offset < end && found < names.size) {
    const type = buffer[offset++] as number;
    const nameEnd = buffer.indexOf(0, offset);
    const name = buffer.toString('utf8', offset, nameEnd);
    offset = nameEnd + 1;
    const wanted = names.has(name);
    let size: number;
    switch (type) {
      case 0x01: // double
        if (wanted) out[name] = buffer.readDoubleLE(offset);
        size = 8;
        break;
      case 0x02: // string
        size = 4 + buffer.readInt32LE(offset);
        if (wanted) out[name] = buffer.toString('utf8', offset + 4, offset + size - 1);
        break;
      case 0x07: // ObjectId
        if (wanted) out[name] = new ObjectId(buffer.subarray(offset, offset + 12));
        size = 12;
        break;
      case 0x08: // boolean
        if (wanted) out[name] = buffer[offset] === 1;
        size = 1;
        break;
      case 0x09: // UTC datetime
        if (wanted) out[name] = new Date(Number(buffer.readBigInt64LE(offset)));
        size = 8;
        break;
      case 0x0a: // null
        if (wanted) out[name] = null;
        size = 0;
        break;
      case 0x10: // int32
        if (wanted) out[name] = buffer.readInt32LE(offset);
        size = 4;
        break;
      case 0x12: // int64
        if (wanted) out[name] = Long.fromBigInt(buffer.readBigInt64LE(offset)).toNumber();
        size = 8;
        break;
      case 0x03: // document
      case 0x04: // array
        if (wanted) return pick(deserialize(buffer), names);
        size = buffer.readInt32LE(offset);
        break;
      case 0x05: // binary
        if (wanted) return pick(deserialize(buffer), names);
        size = 5 + buffer.readInt32LE(offset);
        break;
      default:
        return pick(deserialize(buffer), names);
    }
    if (wanted) found++;
    offset += size;
  }
  return out;
}

function pick(doc: Document, names: ReadonlySet<string>): Document {
  const out: Document = {};
  for (const name of names) if (name in doc) out[name] = doc[name];
  return out;
}
