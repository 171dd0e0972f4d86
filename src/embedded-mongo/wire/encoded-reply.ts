import { type Document, serialize } from 'bson';

/** A reply already encoded as BSON (it carries its own `ok: 1`): sent without re-serializing. */
export class EncodedReply {
  constructor(readonly bytes: Buffer) {}
}

/** Bytes of a reply, whichever form it has. */
export function replyBytes(reply: Document | EncodedReply): Buffer {
  return reply instanceof EncodedReply ? reply.bytes : Buffer.from(serialize(reply));
}
