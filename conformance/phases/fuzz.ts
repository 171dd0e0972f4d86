import { type CaseSpec, performCase } from '../engine/exchange.ts';
import { tokenFor } from '../engine/fixture-types.ts';
import { runPool } from '../engine/pool.ts';
import { createRng, hashSeed } from '../engine/prng.ts';
import { fixturesFor, type RunContext } from '../engine/run-context.ts';
import type { Operation } from '../engine/spec-model.ts';
import { boundPathParams } from '../generators/bindings.ts';
import { requestMedia } from '../generators/body.ts';
import { fuzzCases } from '../generators/cases.ts';

/** Seeded random cases (`--seed` replays them), positive and negative, `--max-cases` per operation. */
export async function runFuzz(ctx: RunContext): Promise<void> {
  const fixtures = await fixturesFor(ctx, 'fuzz');
  const cases: Array<[Operation, CaseSpec]> = [];
  for (const operation of ctx.operations) {
    const media = requestMedia(operation);
    if (!media) continue;
    const token = tokenFor(fixtures, operation);
    const pathParams = boundPathParams(
      fixtures.bindings,
      operation,
      createRng(hashSeed(ctx.seed, operation.operationId)),
    );
    for (const g of fuzzCases(operation, media, fixtures.bindings, ctx.seed, ctx.maxCases)) {
      cases.push([
        operation,
        {
          phase: 'fuzz',
          label: g.label,
          caseKind: g.kind,
          body: g.body,
          mediaType: media.mediaType,
          token,
          pathParams,
        },
      ]);
    }
  }
  await runPool(cases, ctx.concurrency, async ([operation, spec]) => {
    await performCase(ctx, operation, spec);
  });
}
