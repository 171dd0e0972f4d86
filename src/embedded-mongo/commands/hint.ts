import type { Document } from 'bson';
import { CommandError } from '../errors.ts';
import type { Collection } from '../storage/collection.ts';

function sameKey(a: Document, b: Document): boolean {
  const left = Object.entries(a);
  const right = Object.entries(b);
  return (
    left.length === right.length &&
    left.every(([field, dir], i) => right[i]?.[0] === field && right[i]?.[1] === dir)
  );
}

/**
 * Checks a `hint` (an index name, a key pattern, or `{$natural: ±1}`) against the collection's
 * indexes. MongoDB refuses a hint naming no index with BadValue (2); a valid hint does not change
 * which documents qualify, so after this check the planner may pick its own plan.
 */
export function checkHint(collection: Collection | undefined, hint: unknown): void {
  if (hint === undefined || hint === null || !collection) return;
  if (typeof hint === 'string') {
    if (collection.indexes.has(hint)) return;
  } else if (typeof hint === 'object' && !Array.isArray(hint)) {
    const key = hint as Document;
    const fields = Object.keys(key);
    if (fields.length === 1 && fields[0] === '$natural') return;
    if (
      fields.length > 0 &&
      [...collection.indexes.values()].some((index) => sameKey(index.definition.key, key))
    )
      return;
  } else {
    throw new CommandError(9, 'hint must be a string or an object');
  }
  throw new CommandError(
    2,
    'error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index',
  );
}
