import { type Document, deserialize } from 'bson';
import { documentSlices } from './bson-slices.ts';
import { type EncodedReply, replyBytes } from './encoded-reply.ts';
import { frame, OP_MSG, ProtocolError } from './frame.ts';
import { rememberRaw, rememberTyped } from './raw-documents.ts';

/** Commands whose operands keep their numeric types (commands/update-types.ts). */
const TYPED_COMMANDS = new Set(['update', 'findAndModify', 'findandmodify']);

/**
 * OP_MSG (opcode 2013): flag bits, then sections. Kind 0 is the command body; kind 1 is a
 * document sequence (`documents`, `updates`, `deletes`) that we fold into the body as an array.
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
 * An `insert` whose documents are in the body (not a sequence): each document's own bytes are
 * remembered, so int64, double and every other type is stored exactly as the client sent it.
 */
function rememberInsertedBytes(command: Document, section: Buffer): void {
  if (Object.keys(command)[0] !== 'insert' || !Array.isArray(command.documents)) return;
  const docs = command.documents as unknown[];
  const slices = documentSlices(section, 'documents');
  if (!slices || slices.length !== docs.length) return;
  docs.forEach((doc, i) => {
    // A copy: a slice would keep the whole message buffer alive as long as the document is stored.
    if (doc && typeof doc === 'object') rememberRaw(doc, Buffer.from(slices[i] as Buffer));
  });
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
      if (TYPED_COMMANDS.has(Object.keys(command)[0] ?? '')) {
        rememberTyped(command, deserialize(body.subarray(offset, offset + size), { promoteValues: false }));
      }
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
        if (name === 'updates') rememberTyped(doc, deserialize(bytes, { promoteValues: false }));
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
