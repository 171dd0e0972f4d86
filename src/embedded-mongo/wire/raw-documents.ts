import { deserialize } from 'bson';

/**
 * What the client sent, kept beside the decoded command (whose numbers are plain JS numbers, as
 * mingo needs them): the bytes of each inserted document, stored as they are, and the bytes of
 * update operands, decoded with their numeric wrappers when an update needs their types.
 * They ride on the decoded objects under symbols (invisible to BSON encoding and to mingo), which
 * costs less than a WeakMap on the hot path and dies with the command.
 */
const RAW = Symbol('raw bytes');
const TYPED_SOURCE = Symbol('typed source');
const TYPED = Symbol('typed decode');

interface Carrier {
  [RAW]?: Uint8Array;
  [TYPED_SOURCE]?: Uint8Array;
  [TYPED]?: Record<string, unknown>;
}

export function rememberRaw(doc: object, bytes: Uint8Array): void {
  (doc as Carrier)[RAW] = bytes;
}

/** The bytes `doc` was decoded from, when it came from the wire unchanged. */
export function rawOf(doc: object): Uint8Array | undefined {
  return (doc as Carrier)[RAW];
}

/** Keeps the bytes `doc` was decoded from, for a typed decode if the command needs one. */
export function rememberTyped(doc: object, bytes: Uint8Array): void {
  (doc as Carrier)[TYPED_SOURCE] = bytes;
}

/**
 * The typed decode remembered for `doc` (on first use): an update statement, or a findAndModify's
 * `update` document (keyed by the command).
 */
export function typedOf(doc: object): Record<string, unknown> | undefined {
  const carrier = doc as Carrier;
  const bytes = carrier[TYPED_SOURCE];
  if (!carrier[TYPED] && bytes) carrier[TYPED] = deserialize(bytes, { promoteValues: false });
  return carrier[TYPED];
}
