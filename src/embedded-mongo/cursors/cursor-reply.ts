import { type Document, type Long, serialize } from 'bson';
import { EncodedReply } from '../wire/encoded-reply.ts';

/** The elements of a serialized document, without its length prefix and terminator. */
function elementsOf(doc: Document): Buffer {
  const bytes = serialize(doc);
  return Buffer.from(bytes.buffer, bytes.byteOffset + 4, bytes.byteLength - 5);
}

function documentOf(elements: Buffer[]): Buffer {
  const length = 4 + elements.reduce((sum, part) => sum + part.length, 0) + 1;
  const head = Buffer.allocUnsafe(4);
  head.writeInt32LE(length, 0);
  return Buffer.concat([head, ...elements, Buffer.alloc(1)], length);
}

function element(type: number, name: string, value: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([type]), Buffer.from(`${name}\0`, 'utf8'), value]);
}

/**
 * A cursor reply `{cursor: {<field>: batch, id, ns, ...fields}, ok: 1}`. Batches holding stored
 * BSON bytes are spliced in as they are, which is what keeps indexed reads cheap.
 */
export function cursorReply(
  field: string,
  batch: Array<Document | Uint8Array>,
  id: Long,
  ns: string,
  fields: Document = {},
): Document | EncodedReply {
  if (!batch.some((doc) => doc instanceof Uint8Array))
    return { cursor: { [field]: batch, id, ns, ...fields } };
  const items = batch.map((doc, i) =>
    element(0x03, String(i), doc instanceof Uint8Array ? doc : serialize(doc)),
  );
  const cursor = documentOf([element(0x04, field, documentOf(items)), elementsOf({ id, ns, ...fields })]);
  return new EncodedReply(documentOf([element(0x03, 'cursor', cursor), elementsOf({ ok: 1 })]));
}
