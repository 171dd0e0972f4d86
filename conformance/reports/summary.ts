import type { Results } from '../engine/results.ts';
import { type CoverageMatrix, renderCoverage } from './coverage-matrix.ts';

/** The human summary: counts, speed, failures grouped by defect, and the coverage matrix. */
export function renderSummary(results: Results, matrix: CoverageMatrix): string {
  const failures = results.failures();
  const seconds = results.seconds();
  const lines = [
    `imgate-conformance: ${results.cases.length} cases in ${seconds.toFixed(1)} s (${(results.cases.length / Math.max(seconds, 0.001)).toFixed(0)} cases/s), ${failures.length} failures`,
  ];
  const byCheck = new Map<string, number>();
  for (const f of failures)
    byCheck.set(`${f.check} ${f.title}`, (byCheck.get(`${f.check} ${f.title}`) ?? 0) + 1);
  for (const [key, n] of byCheck) lines.push(`  ✗ ${key} × ${n}`);
  const shown = new Set<string>();
  for (const f of failures) {
    const key = `${f.title}:${f.operation}`;
    if (shown.has(key) || shown.size >= 20) continue;
    shown.add(key);
    lines.push(
      `\n[${f.severity}] ${f.title} in ${f.operation} (${f.check})`,
      `  ${f.message}`,
      `  at ${f.init.pointer}`,
      `  repro: ${f.repro}`,
    );
  }
  const t = matrix.totals;
  lines.push('', renderCoverage(matrix));
  lines.push(
    `  totals: ${t.covered} covered, ${t['not covered']} not covered, ${t['undocumented seen']} undocumented seen, events ${t.events}, promises ${matrix.promises.filter((p) => p.state === 'checked').length}/${matrix.promises.length} checked`,
  );
  return lines.join('\n');
}
