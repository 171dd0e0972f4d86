import { afterAll, beforeAll, expect, it } from 'vitest';
import { runPool } from '../../conformance/engine/pool.ts';
import { imgateProvider } from '../../conformance/fixtures/imgate-provider.ts';
import { renderSummary } from '../../conformance/reports/summary.ts';
import { ALL_PHASES, runSuite, type Phase } from '../../conformance/run-suite.ts';
import { SPEC_FILES } from './fixtures/fixture-server.ts';
import { startMutatingProxy } from './mutation/mutating-proxy.ts';
import type { Mutation } from './mutation/mutation-types.ts';
import { WIRE_MUTATIONS } from './mutation/wire-mutations.ts';
import { startTestGateway, type TestGateway } from './support/start-test-gateway.ts';

const VARIANTS = ['messages', 'imchat', 'record', 'push'];
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway?.close());

async function runThrough(mutation: Mutation | undefined, phases: readonly Phase[]) {
  const proxy = await startMutatingProxy(gateway.url, mutation);
  try {
    return await runSuite({
      target: proxy.url,
      specFiles: SPEC_FILES,
      variants: VARIANTS,
      phases,
      provision: imgateProvider(gateway.adminToken),
      seed: 3,
      maxCases: 2,
      pushDeadlineMs: 1000,
    });
  } finally {
    await proxy.close();
  }
}

/** Transparent, the proxy changes nothing: the real gateway behind it passes every phase. */
it('the clean gateway behind the transparent proxy has zero failures', async () => {
  const { results, matrix } = await runThrough(undefined, ALL_PHASES);
  const failures = results.failures().map((f) => `${f.check} ${f.operation}: ${f.message}`);
  if (failures.length) console.log(renderSummary(results, matrix));
  expect(failures).toEqual([]);
}, 120_000);

/** Each mutation breaks one declared promise on the wire; the check meant for it must report it. */
it('catches every wire-level mutation with the check meant for it', async () => {
  const outcomes: { mutation: Mutation; failed: Set<string> }[] = [];
  await runPool(WIRE_MUTATIONS, 3, async (mutation) => {
    const { results } = await runThrough(mutation, mutation.phases);
    outcomes.push({ mutation, failed: new Set(results.failures().map((f) => f.check)) });
  });
  outcomes.sort((a, b) => WIRE_MUTATIONS.indexOf(a.mutation) - WIRE_MUTATIONS.indexOf(b.mutation));
  const survived = outcomes.filter((o) => !o.failed.has(o.mutation.check));
  const lines = outcomes.map(
    (o) =>
      `${o.failed.has(o.mutation.check) ? 'caught  ' : 'SURVIVED'} ${o.mutation.promise} (${o.mutation.name}) -> ${o.mutation.check} (failed: ${[...o.failed].join(', ')})`,
  );
  const promises = new Set(WIRE_MUTATIONS.map((m) => m.promise));
  console.log(
    `wire mutations: ${outcomes.length - survived.length}/${outcomes.length} caught, ${promises.size} promises\n${lines.join('\n')}`,
  );
  expect(survived.map((o) => o.mutation.name)).toEqual([]);
}, 900_000);
