import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { toJsonSchema } from './openapi-schema.ts';
import type { Schema } from './spec-model.ts';

/** One schema violation: where in the instance, and which schema keyword refused it. */
export interface Violation {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly message: string;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
for (const name of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'])
  ajv.addFormat(name, true);
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Validates a value against an OpenAPI 3.0 schema (or AsyncAPI payload schema). Compiled
 * validators are cached per schema object: the loader shares resolved `$ref` targets, so each
 * component schema compiles once per run.
 */
export function validate(schema: Schema, value: unknown): readonly Violation[] {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(toJsonSchema(schema) as object);
    compiled.set(schema, fn);
  }
  if (fn(value)) return [];
  return (fn.errors ?? []).map((e) => ({
    instancePath: e.instancePath || '/',
    schemaPath: e.schemaPath,
    message: `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
  }));
}

/** Shorthand used by generators to keep only candidates on the intended side of the schema. */
export function isValid(schema: Schema, value: unknown): boolean {
  return validate(schema, value).length === 0;
}
