import type { Rng } from '../engine/prng.ts';
import { isValid } from '../engine/schema-validator.ts';
import type { Schema } from '../engine/spec-model.ts';
import { flatten, numberKeyword, propertiesOf, requiredOf, typeOf } from './schema-shape.ts';

/** How optional properties are chosen: none (minimal), all (full) or by coin flip (fuzz). */
export type OptionalMode = 'none' | 'all' | 'random';

const FORMATS: Readonly<Record<string, string>> = {
  'date-time': '2024-04-23T04:00:46.080Z',
  date: '2024-04-23',
  email: 'conformance@example.com',
  uri: 'https://example.com/conformance',
  uuid: '3f2b8c1e-5d4a-4e7b-9c0d-1a2b3c4d5e6f',
};

function stringValue(schema: Schema, rng: Rng | undefined): string {
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (format) return format;
  if (typeof schema.example === 'string' && isValid(schema, schema.example)) return schema.example;
  const min = numberKeyword(schema, 'minLength') ?? 0;
  const max = Math.min(numberKeyword(schema, 'maxLength') ?? 24, Math.max(min, 24));
  const length = rng ? rng.int(Math.max(min, 1), Math.max(max, min, 1)) : Math.max(min, Math.min(8, max));
  return rng ? rng.string(length) : 'c'.repeat(length).slice(0, length).replace(/^c/, 'C');
}

function numberValue(schema: Schema, integer: boolean, rng: Rng | undefined): number {
  const min = numberKeyword(schema, 'minimum') ?? (numberKeyword(schema, 'maximum') ?? 1) - 1000;
  const max = numberKeyword(schema, 'maximum') ?? min + 1000;
  const hi = Math.min(max, min + 1_000_000);
  if (!rng) return integer ? Math.ceil(min) : min;
  return integer ? rng.int(Math.ceil(min), Math.floor(hi)) : min + rng.next() * (hi - min);
}

/**
 * A value valid for `schema`: deterministic (the "typical" value: default, example, lower bounds)
 * without a PRNG, random within the constraints with one. Callers re-validate whole bodies.
 */
export function positiveValue(input: Schema, rng?: Rng, optional: OptionalMode = 'none'): unknown {
  const schema = flatten(input);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const values = schema.enum.filter((v) => v !== null);
    return rng ? rng.pick(values) : values[0];
  }
  if (!rng && schema.default !== undefined) return schema.default;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const choice = (rng ? rng.pick(options) : options[0]) as Schema;
      return positiveValue(choice, rng, optional);
    }
  }
  switch (typeOf(schema)) {
    case 'string':
      return stringValue(schema, rng);
    case 'integer':
      return numberValue(schema, true, rng);
    case 'number':
      return numberValue(schema, false, rng);
    case 'boolean':
      return rng ? rng.bool() : true;
    case 'array': {
      const min = numberKeyword(schema, 'minItems') ?? 0;
      const max = Math.min(numberKeyword(schema, 'maxItems') ?? 3, Math.max(min, 3));
      const count = rng ? rng.int(min, max) : Math.max(min, 1);
      const items = (schema.items ?? {}) as Schema;
      return Array.from({ length: count }, () => positiveValue(items, rng, optional));
    }
    case 'object':
      return positiveObject(schema, rng, optional);
    default:
      return 'conformance';
  }
}

/** An object with its required properties and, depending on `optional`, the others. */
export function positiveObject(
  schema: Schema,
  rng: Rng | undefined,
  optional: OptionalMode,
): Record<string, unknown> {
  const required = new Set(requiredOf(schema));
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(propertiesOf(schema))) {
    const include =
      required.has(name) || optional === 'all' || (optional === 'random' && rng?.bool() === true);
    if (include) out[name] = positiveValue(prop, rng, optional === 'all' ? 'none' : optional);
  }
  return out;
}
