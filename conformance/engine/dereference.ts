import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { SpecError } from './errors.ts';
import { readPointer } from './json-pointer.ts';

/**
 * Loads a YAML/JSON document and inlines every `$ref`, local (`#/components/…`) or cross-file
 * (`./components/ids.yaml#/UserId`), so the rest of the engine sees one self-contained tree.
 * Recursive schemas are refused with a SpecError: the imgate documents have none and a
 * generator cannot bound them.
 */
export function loadDereferenced(file: string): unknown {
  const cache = new Map<string, unknown>();
  const memo = new Map<string, unknown>();
  const parsed = (path: string): unknown => {
    if (!cache.has(path)) {
      try {
        cache.set(path, parse(readFileSync(path, 'utf8')));
      } catch (error) {
        throw new SpecError(`cannot read or parse: ${(error as Error).message}`, path, '#');
      }
    }
    return cache.get(path);
  };
  const walk = (node: unknown, path: string, stack: readonly string[], pointer: string): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => walk(item, path, stack, `${pointer}/${i}`));
    if (node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    const ref = record.$ref;
    if (typeof ref === 'string') return follow(ref, record, path, stack, pointer);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record))
      out[key] = walk(value, path, stack, `${pointer}/${key}`);
    return out;
  };
  const follow = (
    ref: string,
    record: Record<string, unknown>,
    path: string,
    stack: readonly string[],
    pointer: string,
  ): unknown => {
    const [refFile = '', refPointer = ''] = ref.split('#');
    const targetPath = refFile === '' ? path : resolve(dirname(path), refFile);
    const key = `${targetPath}#${refPointer}`;
    if (stack.includes(key)) throw new SpecError(`recursive $ref ${ref} is not supported`, path, pointer);
    let resolved = memo.get(key);
    if (resolved === undefined) {
      const target = readPointer(parsed(targetPath), `#${refPointer}`);
      if (target === undefined) throw new SpecError(`unresolvable $ref ${ref}`, path, pointer);
      resolved = walk(target, targetPath, [...stack, key], `#${refPointer}`);
      memo.set(key, resolved);
    }
    const siblings = Object.entries(record).filter(([k]) => k !== '$ref');
    if (siblings.length === 0 || resolved === null || typeof resolved !== 'object') return resolved;
    const merged: Record<string, unknown> = { ...(resolved as Record<string, unknown>) };
    for (const [k, v] of siblings) merged[k] = walk(v, path, stack, `${pointer}/${k}`);
    return merged;
  };
  const root = resolve(file);
  return walk(parsed(root), root, [root], '#');
}
