import type { Schema } from '../engine/spec-model.ts';

/**
 * Flattens `allOf` into one schema (properties merged, `required` united, sibling keywords win),
 * which is how the documents use it (`allOf: [$ref]` plus a local `default` or `description`).
 */
export function flatten(schema: Schema | undefined): Schema {
  if (!schema) return {};
  const parts = Array.isArray(schema.allOf) ? (schema.allOf as Schema[]).map(flatten) : [];
  if (parts.length === 0) return schema;
  const merged: Record<string, unknown> = {};
  const required = new Set<string>();
  const properties: Record<string, unknown> = {};
  for (const part of [...parts, schema]) {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'allOf') continue;
      if (key === 'required' && Array.isArray(value)) for (const r of value) required.add(String(r));
      else if (key === 'properties') Object.assign(properties, value);
      else merged[key] = value;
    }
  }
  if (required.size > 0) merged.required = [...required];
  if (Object.keys(properties).length > 0) merged.properties = properties;
  return merged;
}

/** The JSON type a schema asks for, guessed from its keywords when `type` is absent. */
export function typeOf(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return String(schema.type[0]);
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return jsonType(schema.enum[0]);
  return undefined;
}

/** JSON type of a value, with `integer` told apart from `number`. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function propertiesOf(schema: Schema): Readonly<Record<string, Schema>> {
  return (schema.properties ?? {}) as Record<string, Schema>;
}

export function requiredOf(schema: Schema): readonly string[] {
  return Array.isArray(schema.required) ? schema.required.map(String) : [];
}

export function numberKeyword(schema: Schema, key: string): number | undefined {
  const value = schema[key];
  return typeof value === 'number' ? value : undefined;
}
