import type { Results } from '../engine/results.ts';

const escapeXml = (s: string): string =>
  s
    .replace(
      /[<>&'"]/g,
      (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
    )
    // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

type CaseEntry = { cases: number; failures: ReturnType<Results['failures']> };

/**
 * JUnit XML for CI: one testsuite per variant+phase, one testcase per operation × check, with the
 * first failure's message and its curl reproduction as the failure text.
 */
export function renderJUnit(results: Results): string {
  const suites = new Map<string, Map<string, CaseEntry>>();
  for (const record of results.cases) {
    const suiteName = `${record.variant}.${record.phase}`;
    const suite = suites.get(suiteName) ?? new Map<string, CaseEntry>();
    suites.set(suiteName, suite);
    for (const check of record.checks) {
      const key = `${record.operation} ${check}`;
      const entry = suite.get(key) ?? { cases: 0, failures: [] };
      entry.cases++;
      entry.failures.push(...record.failures.filter((f) => f.check === check));
      suite.set(key, entry);
    }
  }
  const xml = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = [...suites.values()].reduce((n, s) => n + s.size, 0);
  const failed = [...suites.values()].reduce(
    (n, s) => n + [...s.values()].filter((e) => e.failures.length > 0).length,
    0,
  );
  xml.push(
    `<testsuites name="imgate-conformance" tests="${total}" failures="${failed}" time="${results.seconds().toFixed(3)}">`,
  );
  for (const [name, suite] of [...suites].sort(([a], [b]) => a.localeCompare(b))) {
    const failures = [...suite.values()].filter((e) => e.failures.length > 0).length;
    xml.push(
      `  <testsuite name="${escapeXml(name)}" tests="${suite.size}" failures="${failures}" errors="0" skipped="0">`,
    );
    for (const [key, entry] of suite) {
      const [operation = '', check = ''] = key.split(' ');
      const open = `    <testcase classname="${escapeXml(name)}.${escapeXml(operation)}" name="${escapeXml(check)}"`;
      const first = entry.failures[0];
      if (!first) {
        xml.push(`${open}/>`);
        continue;
      }
      const message = `${first.title}: ${first.message}${entry.failures.length > 1 ? ` (+${entry.failures.length - 1} more)` : ''}`;
      xml.push(`${open}>`);
      xml.push(
        `      <failure message="${escapeXml(message)}" type="${escapeXml(first.title)}">${escapeXml(`${first.init.pointer}\n${first.repro}`)}</failure>`,
      );
      xml.push('    </testcase>');
    }
    xml.push('  </testsuite>');
  }
  xml.push('</testsuites>');
  return `${xml.join('\n')}\n`;
}
