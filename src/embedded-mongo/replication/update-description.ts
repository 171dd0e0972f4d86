import type { Document } from 'bson';
import { isEqual } from 'mingo/util';

function isPlainDocument(value: unknown): value is Document {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

interface Diff {
  updatedFields: Document;
  removedFields: string[];
  truncatedArrays: Array<{ field: string; newSize: number }>;
}

function startsWith(longer: unknown[], shorter: unknown[]): boolean {
  return shorter.every((value, i) => isEqual(value, longer[i]));
}

/** An array that only lost its tail is truncated; one that only grew reports its new elements. */
function diffArray(path: string, before: unknown[], after: unknown[], out: Diff): void {
  if (after.length < before.length && startsWith(before, after)) {
    out.truncatedArrays.push({ field: path, newSize: after.length });
  } else if (after.length > before.length && startsWith(after, before)) {
    for (let i = before.length; i < after.length; i++) out.updatedFields[`${path}.${i}`] = after[i];
  } else {
    out.updatedFields[path] = after;
  }
}

function diff(before: Document, after: Document, prefix: string, out: Diff): void {
  for (const key of Object.keys(before)) {
    if (!(key in after)) out.removedFields.push(`${prefix}${key}`);
  }
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (key in before && isEqual(old, value)) continue;
    if (key in before && isPlainDocument(old) && isPlainDocument(value)) {
      diff(old, value, `${prefix}${key}.`, out);
    } else if (Array.isArray(old) && Array.isArray(value)) {
      diffArray(`${prefix}${key}`, old as unknown[], value as unknown[], out);
    } else {
      out.updatedFields[`${prefix}${key}`] = value;
    }
  }
}

/**
 * The `updateDescription` of an `update` change event, from the document before and after:
 * changed fields by dotted path inside sub-documents; an array that lost its tail in
 * `truncatedArrays`, one that grew as its new element paths, any other changed array whole
 * (mongod may report element paths there; both describe the same new document).
 */
export function updateDescription(before: Document, after: Document): Diff {
  const out: Diff = { updatedFields: {}, removedFields: [], truncatedArrays: [] };
  diff(before, after, '', out);
  return out;
}
