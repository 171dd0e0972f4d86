import type { Schema } from '../engine/spec-model.ts';
import { flatten, numberKeyword, propertiesOf, requiredOf, typeOf } from './schema-shape.ts';

/** One named change to a body; `negative` tells which side of the schema it aims for. */
export interface Mutation {
  readonly label: string;
  readonly negative: boolean;
  apply(body: Record<string, unknown>): unknown;
}

const LONGEST = 70_000;
const WRONG: Readonly<Record<string, unknown>> = {
  string: 12345,
  integer: 'x',
  number: 'x',
  boolean: 'x',
  array: 'x',
  object: 'x',
};

const set = (field: string, value: unknown) => (body: Record<string, unknown>) => ({
  ...body,
  [field]: value,
});

function boundaryValues(prop: Schema): Array<[string, unknown, boolean]> {
  const out: Array<[string, unknown, boolean]> = [];
  const type = typeOf(prop);
  if (Array.isArray(prop.enum)) {
    for (const v of prop.enum) out.push([`enum ${JSON.stringify(v)}`, v, false]);
    out.push(['not in enum', type === 'string' ? '__not_in_enum__' : 987654321, true]);
  }
  const min = numberKeyword(prop, 'minimum');
  const max = numberKeyword(prop, 'maximum');
  if (type === 'integer' || type === 'number') {
    if (min !== undefined) out.push(['minimum', min, false], ['below minimum', min - 1, true]);
    if (max !== undefined) out.push(['maximum', max, false]);
    if (max !== undefined && max < Number.MAX_SAFE_INTEGER) out.push(['above maximum', max + 1, true]);
    if (type === 'integer') out.push(['fractional', (min ?? 0) + 1.5, true]);
  }
  const minLength = numberKeyword(prop, 'minLength') ?? 0;
  const maxLength = numberKeyword(prop, 'maxLength');
  if (type === 'string' && !prop.enum && !prop.format) {
    out.push([minLength > 0 ? 'minLength' : 'empty', 'm'.repeat(minLength), false]);
    if (minLength > 0) out.push(['below minLength', 'm'.repeat(minLength - 1), true]);
    if (maxLength !== undefined && maxLength < LONGEST) {
      out.push(
        ['maxLength', 'M'.repeat(maxLength), false],
        ['above maxLength', 'M'.repeat(maxLength + 1), true],
      );
    }
  }
  if (type === 'array') {
    const item = (prop.items ?? {}) as Schema;
    const minItems = numberKeyword(prop, 'minItems') ?? 0;
    const maxItems = numberKeyword(prop, 'maxItems');
    if (minItems > 0) out.push(['below minItems', [], true]);
    if (maxItems !== undefined && maxItems < 2000)
      out.push(['above maxItems', new Array(maxItems + 1).fill(itemOf(item)), true]);
  }
  if (type && type in WRONG) out.push([`wrong type (${type})`, WRONG[type], true]);
  return out;
}

function itemOf(item: Schema): unknown {
  const type = typeOf(flatten(item));
  return type === 'integer' || type === 'number' ? 1 : 'x';
}

/**
 * Deterministic boundary mutations of a body, from its schema: each enum value, min/max, empty,
 * lengths, and the negative ones (missing required, wrong type, out of range, unknown field).
 * Fields in `pinned` keep their positive value (they name real state); they still get negatives.
 */
export function mutationsOf(input: Schema, pinned: ReadonlySet<string>, formData: boolean): Mutation[] {
  const schema = flatten(input);
  const out: Mutation[] = [];
  for (const field of requiredOf(schema)) {
    out.push({
      label: `missing required ${field}`,
      negative: true,
      apply: ({ [field]: _, ...rest }) => rest,
    });
  }
  for (const [field, raw] of Object.entries(propertiesOf(schema))) {
    for (const [label, value, negative] of boundaryValues(flatten(raw))) {
      if (!negative && pinned.has(field)) continue;
      if (formData && (label.startsWith('wrong type') || typeof value !== 'string')) continue;
      out.push({ label: `${field}: ${label}`, negative, apply: set(field, value) });
    }
  }
  if (schema.additionalProperties === false) {
    out.push({ label: 'unknown field', negative: true, apply: set('__unexpected_field__', 'x') });
  }
  if (!formData)
    out.push({ label: 'body is not an object', negative: true, apply: () => ['not', 'an', 'object'] });
  return out;
}
