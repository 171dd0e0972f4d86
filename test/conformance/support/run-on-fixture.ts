import { imgateProvider } from '../../../conformance/fixtures/imgate-provider.ts';
import { ALL_PHASES, runSuite, type SuiteOptions } from '../../../conformance/run-suite.ts';
import { ADMIN_TOKEN, type FixtureServer, SPEC_FILES } from '../fixtures/fixture-server.ts';

/** The whole suite (every phase and variant but admin, which the fixture server lacks) against a fixture server. */
export function runOnFixture(
  server: FixtureServer,
  options: Pick<SuiteOptions, 'seed' | 'maxCases' | 'pushDeadlineMs'>,
) {
  return runSuite({
    target: server.url,
    specFiles: SPEC_FILES,
    variants: ['messages', 'imchat', 'record', 'push'],
    phases: [...ALL_PHASES],
    provision: imgateProvider(ADMIN_TOKEN),
    ...options,
  });
}
