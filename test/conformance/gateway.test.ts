import { expect, it } from 'vitest';
import { imgateProvider } from '../../conformance/fixtures/imgate-provider.ts';
import { renderSummary } from '../../conformance/reports/summary.ts';
import { ALL_PHASES, runSuite } from '../../conformance/run-suite.ts';
import { SPEC_FILES } from './fixtures/fixture-server.ts';

const SERVE = new URL('../../src/cli/serve.ts', import.meta.url);
interface Gateway {
  readonly url: string;
  readonly adminToken: string;
  close(): Promise<void>;
}

/** The whole suite against our gateway (embedded store): ready for when `startGateway` lands. */
it.skipIf(!TARGET || !ADMIN)(
  'our gateway passes every phase, covering every operation and push event',
  async () => {
    const mod = (await import(SERVE.href)) as {
      startGateway: (o: Record<string, unknown>) => Promise<Gateway>;
    };
    const gateway = await mod.startGateway({ port: 0, host: '127.0.0.1' });
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
