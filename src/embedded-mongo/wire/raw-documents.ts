import { deserialize } from 'bson';

/**
 * What the client sent, kept beside the decoded command (whose numbers are plain JS numbers, as
 * mingo needs them): the bytes of each inserted document, stored as they are, and a typed decode
 * (int32/int64/double as bson wrappers) of update commands, whose operands' types updates keep.
 */
const rawBytes = new WeakMap<object, Uint8Array>();
const typedSources = new WeakMap<object, Uint8Array>();
const typedDecodes = new WeakMap<object, Record<string, unknown>>();

export function rememberRaw(doc: object, bytes: Uint8Array): void {
  rawBytes.set(doc, bytes);
}

/** The bytes `doc` was decoded from, when it came from the wire unchanged. */
export function rawOf(doc: object): Uint8Array | undefined {
  return rawBytes.get(doc);
}

/** Keeps the bytes `doc` was decoded from, for a typed decode if the command needs one. */
export function rememberTyped(doc: object, bytes: Uint8Array): void {
  typedSources.set(doc, bytes);
}

/**
 * The typed decode remembered for `doc` (on first use): an update statement, or a findAndModify's
 * `update` document (keyed by the command).
 */
export function typedOf(doc: object): Record<string, unknown> | undefined {
  let typed = typedDecodes.get(doc);
  const bytes = typedSources.get(doc);
  if (!typed && bytes) {
    typed = deserialize(bytes, { promoteValues: false });
    typedDecodes.set(doc, typed);
  }
  return typed;
}
