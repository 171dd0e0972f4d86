import type { Rng } from '../engine/prng.ts';
import type { MediaSpec, Operation, Schema } from '../engine/spec-model.ts';
import { type Bindings, lookupBinding } from './bindings.ts';
import { type OptionalMode, positiveObject, positiveValue } from './positive.ts';
import { flatten, propertiesOf, typeOf } from './schema-shape.ts';

/** A request body a phase will send, and which side of the schema it is meant to be on. */
export interface GeneratedBody {
  readonly label: string;
  readonly kind: 'positive' | 'negative';
  readonly body: unknown;
  readonly mediaType: string;
}

/** The request media the generators target: JSON first, then form data. */
export function requestMedia(operation: Operation): MediaSpec | undefined {
  const media = operation.requestBody?.media ?? [];
  return (
    media.find((m) => m.mediaType.includes('json')) ??
    media.find((m) => m.mediaType.startsWith('multipart/') || m.mediaType.includes('form')) ??
    media[0]
  );
}

/** The names of top-level fields that fixtures pin for this operation. */
export function boundFields(operation: Operation, schema: Schema, bindings: Bindings, rng: Rng): Set<string> {
  return new Set(
    Object.keys(propertiesOf(flatten(schema))).filter(
      (f) => lookupBinding(bindings, operation, f, rng) !== undefined,
    ),
  );
}

/**
 * A positive body: generated from the schema, then every field the fixtures pin is overwritten
 * (and added when optional), so that "valid" also means "names real state".
 */
export function positiveBody(
  operation: Operation,
  schema: Schema,
  bindings: Bindings,
  rng: Rng | undefined,
  optional: OptionalMode,
  bindingRng: Rng,
): unknown {
  const flat = flatten(schema);
  if (typeOf(flat) !== 'object') return positiveValue(flat, rng, optional);
  const body = positiveObject(flat, rng, optional);
  for (const field of Object.keys(propertiesOf(flat))) {
    const bound = lookupBinding(bindings, operation, field, bindingRng);
    if (bound) body[field] = bound.value;
  }
  return body;
}
