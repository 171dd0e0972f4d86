import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

type Json = unknown;

function pointer(doc: Json, fragment: string): Json {
  return fragment
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<Json>((node, key) => (node as Record<string, Json>)[key], doc);
}

/**
 * Inlines every `$ref` (local or into another YAML file) so two documents can be compared by
 * meaning: a bundled document and its multi-file source dereference to the same tree.
 */
export function dereference(node: Json, doc: Json, file: string | undefined, seen: string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => dereference(item, doc, file, seen));
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, Json>;
  if (typeof record.$ref === 'string') {
    const [path, fragment = ''] = record.$ref.split('#');
    const targetFile = path && file ? resolve(dirname(file), path) : file;
    const targetDoc = path && targetFile ? parse(readFileSync(targetFile, 'utf8')) : doc;
    const key = `${targetFile}#${fragment}`;
    if (seen.includes(key)) throw new Error(`circular $ref ${key}`);
    const { $ref: _ref, ...siblings } = record;
    const target = dereference(pointer(targetDoc, fragment), targetDoc, targetFile, [...seen, key]);
    return Object.keys(siblings).length ? { ...(target as object), ...siblings } : target;
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, dereference(v, doc, file, seen)]));
}

/** Parses a YAML file and dereferences it. */
export function dereferenceFile(file: string): Json {
  const doc = parse(readFileSync(file, 'utf8'));
  return dereference(doc, doc, file);
}
