import { performCase } from '../engine/exchange.ts';
import { tokenFor } from '../engine/fixture-types.ts';
import { createRng, hashSeed } from '../engine/prng.ts';
import { fixturesFor, type RunContext } from '../engine/run-context.ts';
import type { NamedExample, Operation } from '../engine/spec-model.ts';
import { boundPathParams, lookupBinding } from '../generators/bindings.ts';
import { requestMedia } from '../generators/body.ts';

/** The status an example request is documented to get: a response example of the same name, else the first 2xx. */
export function exampleStatus(operation: Operation, example: NamedExample): number | undefined {
  const named = operation.responses.find((r) =>
    r.media.some((m) => m.examples.some((e) => e.name === example.name)),
  );
  const success = operation.responses
    .filter((r) => /^2\d\d$/.test(r.status))
    .sort((a, b) => (a.status < b.status ? -1 : 1));
  const status = named?.status ?? success[0]?.status;
  return status && /^\d{3}$/.test(status) ? Number(status) : undefined;
}

/**
 * Sends every documented request example, as Dredd does: fields the fixtures pin replace the
 * document's sample ids (Dredd users do the same in hooks), and the response must have the
 * status and schema documented for that example.
 */
export async function runExamples(ctx: RunContext): Promise<void> {
  const fixtures = await fixturesFor(ctx, 'examples');
  const rng = createRng(hashSeed(ctx.seed, 'examples'));
  for (const operation of ctx.operations) {
    const media = requestMedia(operation);
    for (const example of media?.examples ?? []) {
      const body =
        example.value !== null && typeof example.value === 'object' && !Array.isArray(example.value)
          ? { ...(example.value as Record<string, unknown>) }
          : example.value;
      if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
        for (const field of Object.keys(body)) {
          const bound = lookupBinding(fixtures.bindings, operation, field, rng);
          if (bound) (body as Record<string, unknown>)[field] = bound.value;
        }
      }
      const expectedStatus = exampleStatus(operation, example);
      await performCase(ctx, operation, {
        phase: 'examples',
        label: `example ${example.name}`,
        caseKind: 'example',
        body,
        mediaType: media?.mediaType,
        token: tokenFor(fixtures, operation),
        pathParams: boundPathParams(fixtures.bindings, operation, rng),
        ...(expectedStatus === undefined ? {} : { expectedStatus }),
      });
    }
  }
}
