import { type CaseSpec, performCase } from '../engine/exchange.ts';
import { tokenFor } from '../engine/fixture-types.ts';
import { runPool } from '../engine/pool.ts';
import { createRng, hashSeed } from '../engine/prng.ts';
import { fixturesFor, type RunContext } from '../engine/run-context.ts';
import { findResponse, type Operation } from '../engine/spec-model.ts';
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
 * One body just over the server's limit (`--body-limit`): it must be refused with 413 when the
 * operation documents 413, whatever the body says (the limit applies before parsing).
 */
function oversizedCase(
  ctx: RunContext,
  operation: Operation,
  base: Omit<CaseSpec, 'phase' | 'label' | 'caseKind'>,
): CaseSpec[] {
  if (ctx.bodyLimit <= 0 || !base.mediaType || !findResponse(operation, 413)) return [];
  const padding = 'x'.repeat(ctx.bodyLimit + 1);
  const body = base.mediaType.startsWith('multipart/') ? { file: padding } : { padding };
  return [
    {
      ...base,
      phase: 'coverage',
      label: `body over ${ctx.bodyLimit} bytes`,
      caseKind: 'negative',
      body,
      expectedStatus: 413,
      freshConnection: true,
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
    const sized = { body: undefined, mediaType: media?.mediaType, token, pathParams };
    for (const big of oversizedCase(ctx, operation, sized)) cases.push([operation, big]);
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
