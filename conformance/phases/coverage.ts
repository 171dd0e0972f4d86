import { type CaseSpec, performCase } from '../engine/exchange.ts';
import { tokenFor } from '../engine/fixture-types.ts';
import { runPool } from '../engine/pool.ts';
import { createRng, hashSeed } from '../engine/prng.ts';
import { fixturesFor, type RunContext } from '../engine/run-context.ts';
import type { Operation } from '../engine/spec-model.ts';
import { boundPathParams } from '../generators/bindings.ts';
import { requestMedia } from '../generators/body.ts';
import { coverageCases } from '../generators/cases.ts';

/** Two credential cases per secured operation: none at all, and a forged bearer token. */
function authCases(operation: Operation, first: Omit<CaseSpec, 'phase' | 'label' | 'caseKind'>): CaseSpec[] {
  if (!operation.secured) return [];
  const base = { ...first, phase: 'coverage', caseKind: 'auth' as const, token: undefined };
  return [
    { ...base, label: 'no credentials' },
    {
      ...base,
      label: 'forged token',
      authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmb3JnZWQifQ.Zm9yZ2Vk',
    },
  ];
}

/**
 * Deterministic boundary cases from the request schemas: valid ones must be accepted, invalid ones
 * refused with a documented 4xx; plus the credential cases that `ignored_auth` judges.
 */
export async function runCoverage(ctx: RunContext): Promise<void> {
  const fixtures = await fixturesFor(ctx, 'coverage');
  const cases: Array<[Operation, CaseSpec]> = [];
  for (const operation of ctx.operations) {
    const media = requestMedia(operation);
    const token = tokenFor(fixtures, operation);
    const pathParams = boundPathParams(
      fixtures.bindings,
      operation,
      createRng(hashSeed(ctx.seed, operation.operationId)),
    );
    const generated = media
      ? coverageCases(operation, media, fixtures.bindings, ctx.seed)
      : [{ label: 'no body', kind: 'positive' as const, body: undefined, mediaType: '' }];
    for (const g of generated) {
      cases.push([
        operation,
        {
          phase: 'coverage',
          label: g.label,
          caseKind: g.kind,
          body: g.body,
          mediaType: media?.mediaType,
          token,
          pathParams,
        },
      ]);
    }
    const first = generated.find((g) => g.kind === 'positive');
    for (const auth of authCases(operation, {
      body: first?.body,
      mediaType: media?.mediaType,
      token,
      pathParams,
    }))
      cases.push([operation, auth]);
  }
  await runPool(cases, ctx.concurrency, async ([operation, spec]) => {
    await performCase(ctx, operation, spec);
  });
}
