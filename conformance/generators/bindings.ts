import type { Rng } from '../engine/prng.ts';
import type { Operation } from '../engine/spec-model.ts';

/**
 * Values the fixtures pin for request fields that must name real state (a chat the caller is a
 * member of, a message it sent). A function is called per case (fresh client ids). Keys are looked
 * up most specific first: `operationId.field`, `variant.field`, `field`.
 */
export type BindingValue = unknown;
export type Bindings = Readonly<Record<string, BindingValue>>;

const MISSING = Symbol('missing');

/** The pinned value of `field` for `operation`, or undefined when the generator decides. */
export function lookupBinding(
  bindings: Bindings,
  operation: Pick<Operation, 'operationId' | 'variant'>,
  field: string,
  rng: Rng,
): { readonly value: unknown } | undefined {
  for (const key of [`${operation.operationId}.${field}`, `${operation.variant}.${field}`, field]) {
    const raw = key in bindings ? bindings[key] : MISSING;
    if (raw === MISSING) continue;
    return { value: typeof raw === 'function' ? (raw as (r: Rng) => unknown)(rng) : raw };
  }
  return undefined;
}

/** Path parameters (`{chat_id}`) the fixtures pin for `operation`, looked up like body fields. */
export function boundPathParams(
  bindings: Bindings,
  operation: Pick<Operation, 'operationId' | 'variant' | 'path'>,
  rng: Rng,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name] of operation.path.matchAll(/\{([^}]+)\}/g)) {
    const bound = name === undefined ? undefined : lookupBinding(bindings, operation, name, rng);
    if (name !== undefined && bound) out[name] = String(bound.value);
  }
  return out;
}
