/**
 * Loads the OpenAPI documents of `openapi/` with every `$ref` (local or cross-file) replaced by the
 * node it points to, and lists their operations. Used by the spec checks in this folder only.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { OPENAPI_VARIANTS, type OpenAPIVariant } from '../../scripts/bindings.ts';

export { OPENAPI_VARIANTS, type OpenAPIVariant };

export const ROOT = resolve(import.meta.dirname, '../..');
export const PUSH_SPEC = resolve(ROOT, 'asyncapi/push.yaml');
export const specPath = (variant: OpenAPIVariant): string => resolve(ROOT, 'openapi', `${variant}.yaml`);

export type Schema = Record<string, unknown>;
export interface MediaType {
  schema?: Schema;
  examples?: Record<string, { summary?: string; value?: unknown }>;
  'x-file-schema'?: string;
}
export interface ResponseObject {
  description: string;
  content?: Record<string, MediaType>;
}
export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
  parameters?: { name: string; in: string; schema?: Schema; example?: unknown }[];
  'x-emits'?: string[];
}
export interface OpenAPIDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components?: Record<string, Record<string, unknown>>;
}
export interface Operation {
  variant: OpenAPIVariant;
  method: string;
  path: string;
  operation: OperationObject;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
const files = new Map<string, unknown>();

function loadYaml(file: string): unknown {
  let doc = files.get(file);
  if (doc === undefined) {
    doc = parse(readFileSync(file, 'utf8'));
    files.set(file, doc);
  }
  return doc;
}

/** Follows a JSON pointer (`/a/b~1c`) from `root`; throws with the pointer when it leads nowhere. */
export function followPointer(root: unknown, pointer: string, where = ''): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !(key in node)) {
      throw new Error(`unresolvable reference ${where}#${pointer}`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function dereferenceNode(node: unknown, file: string, depth: number): unknown {
  if (depth > 64) throw new Error(`reference chain too deep in ${file}`);
  if (Array.isArray(node)) return node.map((item) => dereferenceNode(item, file, depth));
  if (node === null || typeof node !== 'object') return node;
  const { $ref: ref } = node as { $ref?: unknown };
  if (typeof ref === 'string') {
    const [filePart = '', fragment = ''] = ref.split('#');
    const target = filePart ? resolve(dirname(file), filePart) : file;
    return dereferenceNode(followPointer(loadYaml(target), fragment, target), target, depth + 1);
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, dereferenceNode(value, file, depth + 1)]),
  );
}

/** Parses a YAML file and replaces every `$ref` in it (the specs have no recursive schemas). */
export function loadDereferenced(file: string): unknown {
  return dereferenceNode(loadYaml(file), file, 0);
}

export function loadOpenAPI(variant: OpenAPIVariant): OpenAPIDocument {
  return loadDereferenced(specPath(variant)) as OpenAPIDocument;
}

/** Every operation of every OpenAPI document, in document order. */
export function allOperations(): Operation[] {
  return OPENAPI_VARIANTS.flatMap((variant) => {
    const doc = loadOpenAPI(variant);
    return Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.has(method))
        .map(([method, operation]) => ({ variant, method, path, operation })),
    );
  });
}
