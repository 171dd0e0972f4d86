import { deserialize } from 'bson';
import type { ChangeKind } from './change-log.ts';
import { updateDescription } from './update-description.ts';

/** The change-log fields of a replaced record: `replace`, or `update` with what changed. */
export function recordReplace(
  before: Uint8Array,
  after: Uint8Array,
  replacement: boolean,
): { kind: ChangeKind; after: Uint8Array; updateDescription?: ReturnType<typeof updateDescription> } {
  if (replacement) return { kind: 'replace', after };
  return {
    kind: 'update',
    after,
    updateDescription: updateDescription(deserialize(before), deserialize(after)),
  };
}
