import type { Schema } from './spec-model.ts';

const DROPPED = new Set([
  'example',
  'xml',
  'discriminator',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

/**
 * Converts an OpenAPI 3.0 Schema Object into JSON Schema that Ajv understands: `nullable: true`
 * becomes a `null` type (and a `null` enum member), and annotation-only keywords are dropped.
 * See https://spec.openapis.org/oas/v3.0.3#schema-object.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    out[key] = key === 'properties' || key === 'patternProperties' ? mapValues(value) : toJsonSchema(value);
  }
  if ((schema as Schema).nullable !== true) return out;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
  return out;
}

function mapValues(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
}
