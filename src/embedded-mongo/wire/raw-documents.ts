/**
 * The bytes each document of an OP_MSG document sequence arrived as. `insert` stores them as
 * they are, so every BSON type the client sent (int64, double 1.0, decimal) is kept exactly, and
 * nothing is re-encoded.
 */
const rawBytes = new WeakMap<object, Uint8Array>();

export function rememberRaw(doc: object, bytes: Uint8Array): void {
  rawBytes.set(doc, bytes);
}

/** The bytes `doc` was decoded from, when it came from a document sequence unchanged. */
export function rawOf(doc: object): Uint8Array | undefined {
  return rawBytes.get(doc);
}
