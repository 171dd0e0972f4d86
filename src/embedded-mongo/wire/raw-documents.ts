/**
 * What the client sent, kept beside the decoded command (whose numbers are plain JS numbers, as
 * mingo needs them): the bytes of each inserted document, stored as they are, and a typed decode
 * (int32/int64/double as bson wrappers) of update commands, whose operands' types updates keep.
 */
const rawBytes = new WeakMap<object, Uint8Array>();
const typedDecodes = new WeakMap<object, Record<string, unknown>>();

export function rememberRaw(doc: object, bytes: Uint8Array): void {
  rawBytes.set(doc, bytes);
}

/** The bytes `doc` was decoded from, when it came from the wire unchanged. */
export function rawOf(doc: object): Uint8Array | undefined {
  return rawBytes.get(doc);
}

export function rememberTyped(doc: object, typed: Record<string, unknown>): void {
  typedDecodes.set(doc, typed);
}

/** `doc` decoded again with its numeric wrappers, for update commands. */
export function typedOf(doc: object): Record<string, unknown> | undefined {
  return typedDecodes.get(doc);
}
