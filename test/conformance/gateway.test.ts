import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { imgateProvider } from '../../conformance/fixtures/imgate-provider.ts';
import { renderSummary } from '../../conformance/reports/summary.ts';
import { writeReports } from '../../conformance/reports/write-reports.ts';
import { ALL_PHASES, runSuite } from '../../conformance/run-suite.ts';
import { SPEC_FILES } from './fixtures/fixture-server.ts';
import { UNREACHABLE } from './gateway-expectations.ts';
import { startTestGateway, type TestGateway } from './support/start-test-gateway.ts';
import { parseXmlOutline } from './support/xml-outline.ts';

const VARIANTS = ['messages', 'imchat', 'record', 'admin', 'push'];
let gateway: TestGateway;
let out: string;
beforeAll(async () => {
  gateway = await startTestGateway();
  out = mkdtempSync(join(tmpdir(), 'imgate-conformance-'));
});
afterAll(async () => {
  await gateway?.close();
  rmSync(out, { recursive: true, force: true });
});

/** The whole suite (every phase, default case counts) against our real gateway, in-process. */
it('our gateway passes every phase, covering every operation, status and push event', async () => {
  const { results, matrix } = await runSuite({
    target: gateway.url,
    specFiles: SPEC_FILES,
    variants: VARIANTS,
    phases: [...ALL_PHASES],
    provision: imgateProvider(gateway.adminToken),
    seed: 1,
    maxCases: 6,
  });
  const seconds = results.seconds();
  console.log(renderSummary(results, matrix));
  console.log(
    `gateway run: ${results.cases.length} cases in ${seconds.toFixed(1)} s (${(results.cases.length / seconds).toFixed(0)} cases/s)`,
  );
  const failures = results.failures().map((f) => `${f.title} ${f.operation}: ${f.message}`);
  expect(failures).toEqual([]);
  const uncovered = matrix.rows
    .filter((r) => r.state === 'not covered' && !r.status.startsWith('5'))
    .map((r) => `${r.variant}:${r.operation} ${r.status}`);
  expect(uncovered.sort()).toEqual(Object.keys(UNREACHABLE).sort());
  expect(matrix.rows.filter((r) => r.state === 'undocumented seen')).toEqual([]);
  expect(matrix.events.filter((e) => !e.covered)).toEqual([]);
  // Every promise the documents declare is verified by its check in this run.
  expect(matrix.promises.filter((p) => p.state !== 'checked').map((p) => `${p.owner} ${p.id}`)).toEqual([]);
  expect(matrix.promises.length).toBeGreaterThanOrEqual(45);
  const operations = new Set(matrix.rows.map((r) => `${r.variant}:${r.operation}`));
  for (const op of operations) expect(results.statuses.get(op)?.size ?? 0, op).toBeGreaterThan(0);

  expect(writeReports(out, ['json', 'junit'], results, matrix)).toHaveLength(2);
  const json = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8'));
  expect(json.cases).toBe(results.cases.length);
  const junit = parseXmlOutline(readFileSync(join(out, 'junit.xml'), 'utf8'));
  expect(junit.name).toBe('testsuites');
  const suites = junit.children.map((s) => s.attributes.name);
  for (const variant of VARIANTS.filter((v) => v !== 'push'))
    for (const phase of ['examples', 'coverage', 'fuzz'])
      expect(suites, `${variant}.${phase}`).toContain(`${variant}.${phase}`);
  for (const phase of ['stateful', 'push'])
    expect(
      suites.some((s) => s?.endsWith(`.${phase}`)),
      phase,
    ).toBe(true);
  expect(suites).toContain('cross-variant.consistency');
  expect(Number(junit.attributes.failures)).toBe(0);
}, 200_000);
