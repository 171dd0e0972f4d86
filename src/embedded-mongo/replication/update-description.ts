import type { Document } from 'bson';
import { isEqual } from 'mingo/util';

function isPlainDocument(value: unknown): value is Document {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function diff(before: Document, after: Document, prefix: string, out: Document, removed: string[]): void {
  for (const key of Object.keys(before)) {
    if (!(key in after)) removed.push(`${prefix}${key}`);
  }
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (key in before && isEqual(old, value)) continue;
    if (key in before && isPlainDocument(old) && isPlainDocument(value)) {
      diff(old, value, `${prefix}${key}.`, out, removed);
    } else {
      out[`${prefix}${key}`] = value;
    }
  }
}

/**
 * The `updateDescription` of an `update` change event, from the document before and after:
 * changed fields by dotted path inside sub-documents, a changed array as a whole (mongod may
 * instead report element paths or `truncatedArrays`; both describe the same new document).
 */
export function updateDescription(before: Document, after: Document): Document {
  const updatedFields: Document = {};
  const removedFields: string[] = [];
  diff(before, after, '', updatedFields, removedFields);
  return { updatedFields, removedFields, truncatedArrays: [] };
}
