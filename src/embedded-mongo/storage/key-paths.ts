import type { Document } from 'bson';

/**
 * Dotted-path value lookup with MongoDB's array traversal, as index key extraction needs it:
 * `a.b` over `{a: [{b: 1}, {b: 2}]}` yields both 1 and 2.
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  return out;
}

function collect(value: unknown, parts: string[], depth: number, out: unknown[]): void {
  if (depth === parts.length) {
    out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    const part = parts[depth] as string;
    if (/^\d+$/.test(part)) {
      collect(value[Number(part)], parts, depth + 1, out);
      return;
    }
    for (const item of value) collect(item, parts, depth, out);
    if (value.length === 0) out.push(undefined);
    return;
  }
  if (value === null || typeof value !== 'object') {
    out.push(undefined);
    return;
  }
  collect((value as Document)[parts[depth] as string], parts, depth + 1, out);
}

/** The value at a dotted path without array expansion (first match), for error messages. */
export function firstValueAtPath(doc: Document, path: string): unknown {
  const [first] = valuesAtPath(doc, path);
  return Array.isArray(first) ? first[0] : first;
}
