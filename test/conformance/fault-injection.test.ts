import { afterAll, expect, it } from 'vitest';
import { runPool } from '../../conformance/engine/pool.ts';
import { FAULTS, type Fault } from './fixtures/faults.ts';
import { type FixtureServer, startFixtureServer } from './fixtures/fixture-server.ts';
import { runOnFixture } from './support/run-on-fixture.ts';

const servers: FixtureServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

/** Runs the whole suite against a fixture server with one fault; returns the checks that failed. */
async function checksFailingOn(fault: Fault): Promise<Set<string>> {
  const server = await startFixtureServer([fault]);
  servers.push(server);
  const { results } = await runOnFixture(server, { seed: 11, maxCases: 4, pushDeadlineMs: 1000 });
  return new Set(results.failures().map((f) => f.check));
}

/** Every deliberate bug must be reported by the check meant for it; none may survive. */
it('catches every injected fault with the check meant for it', async () => {
  const faults = Object.keys(FAULTS) as Fault[];
  const outcomes: (readonly [Fault, Set<string>])[] = [];
  // A few servers at a time: the machine is shared, and every run is a whole suite.
  await runPool(faults, 4, async (fault) => {
    outcomes.push([fault, await checksFailingOn(fault)] as const);
  });
  outcomes.sort(([a], [b]) => faults.indexOf(a) - faults.indexOf(b));
  const survived = outcomes.filter(([fault, checks]) => !checks.has(FAULTS[fault]));
  const lines = outcomes.map(
    ([fault, checks]) =>
      `${checks.has(FAULTS[fault]) ? 'caught  ' : 'SURVIVED'} ${fault} -> ${FAULTS[fault]} (failed: ${[...checks].join(', ')})`,
  );
  console.log(
    `fault injection: ${faults.length - survived.length}/${faults.length} caught\n${lines.join('\n')}`,
  );
  expect(survived.map(([fault]) => fault)).toEqual([]);
}, 600_000);
