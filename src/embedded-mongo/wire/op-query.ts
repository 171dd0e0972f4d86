import { type Document, deserialize } from 'bson';
import { type EncodedReply, replyBytes } from './encoded-reply.ts';
import { frame, OP_REPLY } from './frame.ts';

/**
 * Legacy OP_QUERY (2004), which the driver still uses for the first `hello`/`isMaster` of a
 * connection, answered with OP_REPLY (1). Only commands on `<db>.$cmd` are served this way.
 * https://www.mongodb.com/docs/manual/legacy-opcodes/#op_query
 */
export interface OpQueryRequest {
  db: string;
  command: Document;
}

export function decodeOpQuery(body: Buffer): OpQueryRequest {
  const nameEnd = body.indexOf(0, 4);
  const collection = body.toString('utf8', 4, nameEnd);
  const queryAt = nameEnd + 1 + 8;
  const size = body.readInt32LE(queryAt);
  let command = deserialize(body.subarray(queryAt, queryAt + size));
  if (command.$query && typeof command.$query === 'object') command = command.$query as Document;
  return { db: collection.slice(0, collection.indexOf('.')), command };
}

export function encodeOpReply(responseTo: number, reply: Document | EncodedReply): Buffer {
  const head = Buffer.alloc(20);
  head.writeInt32LE(1, 16);
  return frame(OP_REPLY, responseTo, [head, replyBytes(reply)]);
}
