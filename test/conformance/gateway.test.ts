import { expect, it } from 'vitest';
import { imgateProvider } from '../../conformance/fixtures/imgate-provider.ts';
import { renderSummary } from '../../conformance/reports/summary.ts';
import { ALL_PHASES, runSuite } from '../../conformance/run-suite.ts';
import { SPEC_FILES } from './fixtures/fixture-server.ts';

const TARGET = process.env.IMGATE_CONFORMANCE_TARGET;
const ADMIN = process.env.IMGATE_ADMIN_TOKEN;

/**
 * The whole suite against a running imgate gateway (`IMGATE_CONFORMANCE_TARGET` +
 * `IMGATE_ADMIN_TOKEN`). TODO: start it in-process with `startGateway(config)` once a test Config
 * (embedded store, DATA_DIR=memory) is available.
 */
it.skipIf(!TARGET || !ADMIN)(
  'our gateway passes every phase, covering every operation and push event',
  async () => {
    const gateway = { url: TARGET ?? '', adminToken: ADMIN ?? '', close: async () => {} };
    try {
      const { results, matrix } = await runSuite({
        target: gateway.url,
        specFiles: SPEC_FILES,
        variants: ['messages', 'imchat', 'record', 'push'],
        phases: [...ALL_PHASES],
        provision: imgateProvider(gateway.adminToken),
        seed: 1,
        maxCases: 6,
      });
      console.log(renderSummary(results, matrix));
      expect(results.failures().map((f) => `${f.title} ${f.operation}: ${f.message}`)).toEqual([]);
      expect(matrix.events.every((e) => e.covered)).toBe(true);
      expect(results.seconds()).toBeLessThan(180);
    } finally {
      await gateway.close();
    }
  },
  200_000,
);
