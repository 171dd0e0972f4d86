import { afterAll, beforeAll, expect, it } from 'vitest';
import { imgateProvider } from '../../conformance/fixtures/imgate-provider.ts';
import { renderSummary } from '../../conformance/reports/summary.ts';
import { ALL_PHASES, runSuite } from '../../conformance/run-suite.ts';
import {
  ADMIN_TOKEN,
  type FixtureServer,
  SPEC_FILES,
  startFixtureServer,
} from './fixtures/fixture-server.ts';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

/** No false positives: the correct fixture server passes every phase with zero failures. */
it('passes a correct server with zero failures', async () => {
  const { results, matrix } = await runSuite({
    target: server.url,
    specFiles: SPEC_FILES,
    variants: ['messages', 'imchat', 'record', 'push'],
    phases: [...ALL_PHASES],
    provision: imgateProvider(ADMIN_TOKEN),
    seed: 7,
    maxCases: 6,
  });
  const summary = renderSummary(results, matrix);
  console.log(summary);
  expect(results.failures().map((f) => `${f.title} ${f.operation}: ${f.message}`)).toEqual([]);
  expect(results.cases.length).toBeGreaterThan(300);
}, 120_000);
