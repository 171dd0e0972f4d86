import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderSummary } from '../../conformance/reports/summary.ts';
import { type FixtureServer, startFixtureServer } from './fixtures/fixture-server.ts';
import { runOnFixture } from './support/run-on-fixture.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

/** No false positives: the correct fixture server passes every phase with zero failures. */
it('passes a correct server with zero failures', async () => {
  const { results, matrix } = await runOnFixture(server, { seed: 7, maxCases: 6 });
  const summary = renderSummary(results, matrix);
  console.log(summary);
  expect(results.failures().map((f) => `${f.title} ${f.operation}: ${f.message}`)).toEqual([]);
  expect(results.cases.length).toBeGreaterThan(300);
}, 120_000);
