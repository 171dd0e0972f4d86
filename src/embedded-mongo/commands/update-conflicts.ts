import type { Document } from 'bson';
import { CommandError } from '../errors.ts';

/**
 * mongod refuses an update whose operators touch one path twice, or a path and its parent
 * (`{$set: {a: 1}, $inc: {a: 1}}`, `{$set: {a: 1, "a.b": 2}}`): ConflictingUpdateOperators (40).
 * `$rename` writes its target too, so both ends count.
 */
export function checkUpdateConflicts(operators: Document): void {
  const seen: string[] = [];
  for (const [op, fields] of Object.entries(operators)) {
    if (fields === null || typeof fields !== 'object') continue;
    for (const [path, value] of Object.entries(fields as Document)) {
      const paths = op === '$rename' && typeof value === 'string' ? [path, value] : [path];
      for (const next of paths) {
        const clash = seen.find(
          (other) => other === next || other.startsWith(`${next}.`) || next.startsWith(`${other}.`),
        );
        if (clash !== undefined) {
          throw new CommandError(40, `Updating the path '${next}' would create a conflict at '${clash}'`);
        }
        seen.push(next);
      }
    }
  }
}
