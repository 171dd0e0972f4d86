/**
 * MongoDB wire protocol framing: every message starts with a 16-byte header
 * (messageLength, requestID, responseTo, opCode; little-endian int32s).
 * https://www.mongodb.com/docs/manual/reference/mongodb-wire-protocol/#standard-message-header
 */

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;
export const HEADER_SIZE = 16;
/** Largest message accepted, as advertised in `hello.maxMessageSizeBytes`. */
export const MAX_MESSAGE_BYTES = 48_000_000;

/** One complete message: its header fields and the bytes after the header. */
export interface WireMessage {
  requestId: number;
  responseTo: number;
  opCode: number;
  body: Buffer;
}

/** Raised when the peer sends bytes that cannot be a message: the connection is closed. */
export class ProtocolError extends Error {}

/** Splits a TCP byte stream into messages, however the chunks happen to be cut. */
export class MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  push(chunk: Buffer): WireMessage[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: WireMessage[] = [];
    while (this.buffered >= 4) {
      const head = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : this.flatten();
      const length = head.readInt32LE(0);
      if (length < HEADER_SIZE || length > MAX_MESSAGE_BYTES)
        throw new ProtocolError(`bad message length ${length}`);
      if (this.buffered < length) break;
      const all = this.flatten();
      messages.push({
        requestId: all.readInt32LE(4),
        responseTo: all.readInt32LE(8),
        opCode: all.readInt32LE(12),
        body: all.subarray(HEADER_SIZE, length),
      });
      const rest = all.subarray(length);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
    }
    return messages;
  }

  private flatten(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] as Buffer;
  }
}

let nextRequestId = 1;

/** Prefixes a reply body with its header. */
export function frame(opCode: number, responseTo: number, parts: Buffer[]): Buffer {
  const length = HEADER_SIZE + parts.reduce((sum, part) => sum + part.length, 0);
  const header = Buffer.allocUnsafe(HEADER_SIZE);
  header.writeInt32LE(length, 0);
  header.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(opCode, 12);
  return Buffer.concat([header, ...parts], length);
}
