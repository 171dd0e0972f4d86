import { type Document, deserialize } from 'bson';
import { documentSlice, documentSlices } from './bson-slices.ts';
import { type EncodedReply, replyBytes } from './encoded-reply.ts';
import { frame, OP_MSG, ProtocolError } from './frame.ts';
import { rememberRaw, rememberTyped } from './raw-documents.ts';

/**
 * OP_MSG (opcode 2013): flag bits, then sections. Kind 0 is the command body; kind 1 is a
 * document sequence (`documents`, `updates`, `deletes`, bulkWrite's `ops` and `nsInfo`) that we fold into the body as an array.
 * https://github.com/mongodb/specifications/blob/master/source/message/OP_MSG.md
 */

const CHECKSUM_PRESENT = 1;
/** Flag bit 1: the sender expects no reply (unacknowledged writes). */
export const MORE_TO_COME = 2;

/** A decoded OP_MSG: the command with its sequences merged in, and its flags. */
export interface OpMsgRequest {
  command: Document;
  flags: number;
}

/**
 * The bytes of an update's statements (or a findAndModify's `update`), so that updates can write
 * the numeric types the client sent (decoded only when an operand holds a number).
 */
function rememberUpdateOperands(command: Document, section: Buffer): void {
  const name = Object.keys(command)[0] ?? '';
  if (name === 'update' && Array.isArray(command.updates)) {
    const statements = command.updates as unknown[];
    const slices = documentSlices(section, 'updates');
    if (!slices || slices.length !== statements.length) return;
    statements.forEach((statement, i) => {
      if (statement && typeof statement === 'object') rememberTyped(statement, slices[i] as Buffer);
    });
  } else if (name === 'findAndModify' || name === 'findandmodify') {
    const update = documentSlice(section, 'update');
    if (update) rememberTyped(command, update);
  }
}

/**
 * One op of a client-level `bulkWrite`: an insert's `document` keeps its bytes (stored as sent),
 * an update op its own bytes for a typed decode of `updateMods`.
 */
function rememberBulkWriteOp(op: Document, bytes: Buffer): void {
  if (op.document && typeof op.document === 'object') {
    const slice = documentSlice(bytes, 'document');
    if (slice) rememberRaw(op.document as object, Buffer.from(slice));
  } else if ('update' in op) {
    rememberTyped(op, bytes);
  }
}

/**
 * Each object of the body array `field` of a `name` command (sent in the body, not as a
 * sequence) with its own bytes, so what is remembered of it matches what a sequence would give.
 */
function eachBodyDocument(
  command: Document,
  section: Buffer,
  name: string,
  field: string,
  visit: (doc: Document, bytes: Buffer) => void,
): void {
  if (Object.keys(command)[0] !== name || !Array.isArray(command[field])) return;
  const items = command[field] as unknown[];
  const slices = documentSlices(section, field);
  if (!slices || slices.length !== items.length) return;
  items.forEach((item, i) => {
    if (item && typeof item === 'object') visit(item, slices[i] as Buffer);
  });
}

/** A `bulkWrite` whose ops are in the body: each op's bytes, as above. */
function rememberBulkWriteOps(command: Document, section: Buffer): void {
  eachBodyDocument(command, section, 'bulkWrite', 'ops', rememberBulkWriteOp);
}

/**
 * An `insert` whose documents are in the body: each document's own bytes are remembered, so
 * int64, double and every other type is stored exactly as the client sent it.
 */
function rememberInsertedBytes(command: Document, section: Buffer): void {
  // A copy: a slice would keep the whole message buffer alive as long as the document is stored.
  eachBodyDocument(command, section, 'insert', 'documents', (doc, bytes) =>
    rememberRaw(doc, Buffer.from(bytes)),
  );
}

export function decodeOpMsg(body: Buffer): OpMsgRequest {
  const flags = body.readUInt32LE(0);
  const end = flags & CHECKSUM_PRESENT ? body.length - 4 : body.length;
  let command: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  let offset = 4;
  while (offset < end) {
    const kind = body.readUInt8(offset++);
    if (kind === 0) {
      const size = body.readInt32LE(offset);
      command = deserialize(body.subarray(offset, offset + size));
      rememberInsertedBytes(command, body.subarray(offset, offset + size));
      rememberUpdateOperands(command, body.subarray(offset, offset + size));
      rememberBulkWriteOps(command, body.subarray(offset, offset + size));
      offset += size;
    } else if (kind === 1) {
      const size = body.readInt32LE(offset);
      const sectionEnd = offset + size;
      const nameEnd = body.indexOf(0, offset + 4);
      const name = body.toString('utf8', offset + 4, nameEnd);
      const docs: Document[] = [];
      for (let at = nameEnd + 1; at < sectionEnd;) {
        const docSize = body.readInt32LE(at);
        const bytes = Buffer.from(body.subarray(at, at + docSize));
        const doc = deserialize(bytes);
        rememberRaw(doc, bytes);
        if (name === 'updates') rememberTyped(doc, bytes);
        else if (name === 'ops') rememberBulkWriteOp(doc, bytes);
        docs.push(doc);
        at += docSize;
      }
      sequences.push([name, docs]);
      offset = sectionEnd;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!command) throw new ProtocolError('OP_MSG without a body section');
  for (const [name, docs] of sequences) command[name] = docs;
  return { command, flags };
}

/** Encodes a reply document as an OP_MSG with a single kind-0 section. */
export function encodeOpMsg(responseTo: number, reply: Document | EncodedReply): Buffer {
  const head = Buffer.alloc(5);
  return frame(OP_MSG, responseTo, [head, replyBytes(reply)]);
}
