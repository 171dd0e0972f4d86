import { createRng, hashSeed, type Rng } from '../engine/prng.ts';
import { isValid } from '../engine/schema-validator.ts';
import type { MediaSpec, Operation } from '../engine/spec-model.ts';
import type { Bindings } from './bindings.ts';
import { boundFields, type GeneratedBody, positiveBody } from './body.ts';
import { type Mutation, mutationsOf } from './mutations.ts';

function isFormData(media: MediaSpec): boolean {
  return media.mediaType.startsWith('multipart/') || media.mediaType.includes('x-www-form-urlencoded');
}

/** Keeps a candidate only when the schema agrees with its intended side; drops duplicates. */
function keep(media: MediaSpec, candidates: readonly GeneratedBody[]): GeneratedBody[] {
  const seen = new Set<string>();
  const schema = media.schema ?? {};
  return candidates.filter((c) => {
    const key = `${c.kind}:${JSON.stringify(c.body)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return isValid(schema, c.body) === (c.kind === 'positive');
  });
}

function applyMutation(base: unknown, mutation: Mutation): unknown {
  return base !== null && typeof base === 'object' && !Array.isArray(base)
    ? mutation.apply(base as Record<string, unknown>)
    : base;
}

/**
 * Deterministic coverage cases for one operation: the minimal and the full valid body, then every
 * boundary mutation of the minimal body. Same documents + same fixtures = same cases.
 */
export function coverageCases(
  operation: Operation,
  media: MediaSpec,
  bindings: Bindings,
  seed: number,
): GeneratedBody[] {
  const schema = media.schema ?? {};
  const bindingRng = createRng(hashSeed(seed, `coverage:${operation.operationId}`));
  const pinned = boundFields(operation, schema, bindings, bindingRng);
  const body = (optional: 'none' | 'all') =>
    positiveBody(operation, schema, bindings, undefined, optional, bindingRng);
  const base = body('none');
  const candidates: GeneratedBody[] = [
    { label: 'minimal valid body', kind: 'positive', body: base, mediaType: media.mediaType },
    { label: 'full valid body', kind: 'positive', body: body('all'), mediaType: media.mediaType },
    ...mutationsOf(schema, pinned, isFormData(media)).map((m) => ({
      label: m.label,
      kind: m.negative ? ('negative' as const) : ('positive' as const),
      body: applyMutation(body('none'), m),
      mediaType: media.mediaType,
    })),
  ];
  return keep(media, candidates);
}

/**
 * `count` random cases for one operation from a PRNG seeded by (`seed`, operationId): half valid
 * bodies with random optional fields and values, half a random valid body with one negative mutation.
 */
export function fuzzCases(
  operation: Operation,
  media: MediaSpec,
  bindings: Bindings,
  seed: number,
  count: number,
): GeneratedBody[] {
  const schema = media.schema ?? {};
  const rng: Rng = createRng(hashSeed(seed, `fuzz:${operation.operationId}`));
  const pinned = boundFields(operation, schema, bindings, rng);
  const negatives = mutationsOf(schema, pinned, isFormData(media)).filter((m) => m.negative);
  const out: GeneratedBody[] = [];
  for (let i = 0; i < count; i++) {
    const body = positiveBody(operation, schema, bindings, rng, 'random', rng);
    const mutation = i % 2 === 1 && negatives.length > 0 ? rng.pick(negatives) : undefined;
    out.push(
      mutation
        ? {
            label: `fuzz #${i} ${mutation.label}`,
            kind: 'negative',
            body: applyMutation(body, mutation),
            mediaType: media.mediaType,
          }
        : { label: `fuzz #${i}`, kind: 'positive', body, mediaType: media.mediaType },
    );
  }
  return keep(media, out);
}
