import { crc32 } from 'node:zlib';
import { type Document, deserialize, serialize } from 'bson';

/**
 * One logged change. Documents travel as raw BSON so that logging costs a copy, not a re-encode.
 * `put` inserts or replaces by `_id` and `delete` removes by `_id`, so replay is deterministic.
 */
export type JournalOp =
  | { kind: 'put'; ns: string; docs: Uint8Array[] }
  | { kind: 'delete'; ns: string; ids: Document[] }
  | { kind: 'create'; ns: string; options: Document }
  | { kind: 'drop'; ns: string }
  | { kind: 'createIndex'; ns: string; spec: Document }
  | { kind: 'dropIndex'; ns: string; name: string }
  | { kind: 'dropDatabase'; ns: string };

const KINDS = ['put', 'delete', 'create', 'drop', 'createIndex', 'dropIndex', 'dropDatabase'] as const;
/** Record header: body length (u32 LE) and crc32 of the body (u32 LE). */
export const HEADER_BYTES = 8;

function payloadOf(op: JournalOp): Uint8Array[] {
  switch (op.kind) {
    case 'put':
      return op.docs;
    case 'delete':
      return op.ids.map((id) => serialize(id));
    case 'create':
      return [serialize(op.options)];
    case 'createIndex':
      return [serialize(op.spec)];
    case 'dropIndex':
      return [serialize({ name: op.name })];
    default:
      return [];
  }
}

/** Frames an op as `len | crc32 | kind u8 | nsLen u16 | ns | BSON documents…`. */
export function encodeRecord(op: JournalOp): Buffer {
  const ns = Buffer.from(op.ns, 'utf8');
  const payload = payloadOf(op);
  const bodyLength = 3 + ns.length + payload.reduce((sum, part) => sum + part.length, 0);
  const record = Buffer.allocUnsafe(HEADER_BYTES + bodyLength);
  record.writeUInt32LE(bodyLength, 0);
  record.writeUInt8(KINDS.indexOf(op.kind), HEADER_BYTES);
  record.writeUInt16LE(ns.length, HEADER_BYTES + 1);
  ns.copy(record, HEADER_BYTES + 3);
  let offset = HEADER_BYTES + 3 + ns.length;
  for (const part of payload) {
    record.set(part, offset);
    offset += part.length;
  }
  record.writeUInt32LE(crc32(record.subarray(HEADER_BYTES)), 4);
  return record;
}

function splitDocuments(body: Buffer, start: number): Buffer[] {
  const docs: Buffer[] = [];
  for (let offset = start; offset + 5 <= body.length;) {
    const size = body.readInt32LE(offset);
    docs.push(body.subarray(offset, offset + size));
    offset += size;
  }
  return docs;
}

function decodeBody(body: Buffer): JournalOp {
  const kind = KINDS[body.readUInt8(0)];
  const nsLength = body.readUInt16LE(1);
  const ns = body.toString('utf8', 3, 3 + nsLength);
  const docs = splitDocuments(body, 3 + nsLength);
  const first = (): Document => deserialize(docs[0] ?? serialize({}));
  switch (kind) {
    case 'put':
      return { kind, ns, docs };
    case 'delete':
      return { kind, ns, ids: docs.map((doc) => deserialize(doc)) };
    case 'create':
      return { kind, ns, options: first() };
    case 'createIndex':
      return { kind, ns, spec: first() };
    case 'dropIndex':
      return { kind, ns, name: String(first().name) };
    case 'drop':
    case 'dropDatabase':
      return { kind, ns };
    default:
      throw new Error(`unknown journal record kind ${body.readUInt8(0)}`);
  }
}

/** The body length of an intact record at `offset`, or -1 when none starts there (short, torn or bad checksum). */
export function recordAt(buffer: Buffer, offset: number): number {
  if (offset + HEADER_BYTES + 3 > buffer.length) return -1;
  const length = buffer.readUInt32LE(offset);
  const end = offset + HEADER_BYTES + length;
  if (length < 3 || end > buffer.length) return -1;
  const kind = buffer.readUInt8(offset + HEADER_BYTES);
  const nsLength = buffer.readUInt16LE(offset + HEADER_BYTES + 1);
  if (kind >= KINDS.length || nsLength + 3 > length) return -1;
  return crc32(buffer.subarray(offset + HEADER_BYTES, end)) === buffer.readUInt32LE(offset + 4) ? length : -1;
}

/**
 * Decodes consecutive records, stopping at the first one that is incomplete or fails its
 * checksum: `validBytes` is where the intact prefix ends.
 */
export function* decodeRecords(buffer: Buffer): Generator<JournalOp, number> {
  let offset = 0;
  for (let length = recordAt(buffer, 0); length >= 0; length = recordAt(buffer, offset)) {
    yield decodeBody(buffer.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + length));
    offset += HEADER_BYTES + length;
  }
  return offset;
}
