import type { Results } from '../engine/results.ts';
import type { CoverageMatrix, CoverageRow } from './coverage-matrix.ts';

const escapeHtml = (s: string): string =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c] ?? c);

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}
.covered,.checked,.ok{background:#c8ecc8}.not-covered,.not-exercised{background:#f3f3f3;color:#777}
.undocumented-seen,.unchecked,.failed{background:#f6c6c6}.critical{color:#a00;font-weight:bold}
pre{background:#f6f6f6;padding:6px;white-space:pre-wrap;word-break:break-all}h2{margin-top:1.5em}`;

const cls = (state: string) => state.replaceAll(' ', '-');

function matrixTable(matrix: CoverageMatrix): string {
  const statuses = [...new Set(matrix.rows.map((r) => r.status))].sort();
  const byOp = new Map<string, Map<string, CoverageRow['state']>>();
  for (const r of matrix.rows) {
    const key = `${r.variant}:${r.operation}`;
    const cells = byOp.get(key) ?? new Map<string, CoverageRow['state']>();
    cells.set(r.status, r.state);
    byOp.set(key, cells);
  }
  const head = `<tr><th>variant</th><th>operation</th>${statuses.map((s) => `<th>${escapeHtml(s)}</th>`).join('')}</tr>`;
  const rows = [...byOp].map(([key, cells]) => {
    const [variant = '', operation = ''] = key.split(':');
    const tds = statuses.map((s) => {
      const state = cells.get(s);
      return state ? `<td class="${cls(state)}" title="${state}">${escapeHtml(s)}</td>` : '<td></td>';
    });
    return `<tr><td>${escapeHtml(variant)}</td><td>${escapeHtml(operation)}</td>${tds.join('')}</tr>`;
  });
  return `<table>${head}${rows.join('')}</table>`;
}

function eventsTable(matrix: CoverageMatrix): string {
  const rows = matrix.events.map(
    (e) =>
      `<tr><td class="${e.covered ? 'covered' : 'not-covered'}">${escapeHtml(e.kind)}</td><td>${escapeHtml(e.by.join(', '))}</td></tr>`,
  );
  return `<table><tr><th>event</th><th>caused by</th></tr>${rows.join('')}</table>`;
}

function promisesTable(matrix: CoverageMatrix): string {
  const rows = matrix.promises.map(
    (p) =>
      `<tr><td>${escapeHtml(p.owner)}</td><td>${escapeHtml(p.id)}</td><td>${escapeHtml(p.check)}</td><td class="${cls(p.state)}">${p.state}</td><td><code>${escapeHtml(p.pointer)}</code></td></tr>`,
  );
  return `<table><tr><th>declared by</th><th>promise</th><th>check</th><th>state</th><th>pointer</th></tr>${rows.join('')}</table>`;
}

function failuresList(results: Results): string {
  const failures = results.failures();
  if (failures.length === 0) return '<p class="ok">No failures.</p>';
  return failures
    .map(
      (f) => `<div class="failure"><h3 class="${f.severity}">[${f.severity}] ${escapeHtml(f.title)} in ${escapeHtml(f.operation)} (${escapeHtml(f.check)})</h3>
<p>${escapeHtml(f.message)}</p><p>at <code>${escapeHtml(f.init.pointer)}</code></p><pre>${escapeHtml(f.repro)}</pre></div>`,
    )
    .join('\n');
}

/**
 * A self-contained HTML report (one file, inline style, no script, no network): the coverage
 * matrix variant × operation × status, the push events, the promises, and every failure with
 * its repro. People open it as a CI artifact.
 */
export function renderHtml(results: Results, matrix: CoverageMatrix): string {
  const failures = results.failures().length;
  const t = matrix.totals;
  const checked = matrix.promises.filter((p) => p.state === 'checked').length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>imgate-conformance report</title><style>${STYLE}</style></head>
<body><h1>imgate-conformance</h1>
${results.partial ? `<p class="failed">Partial report: ${escapeHtml(results.partial)}</p>` : ''}
<p class="${failures ? 'failed' : 'ok'}">${results.cases.length} cases in ${results.seconds().toFixed(1)} s, ${failures} failures.
Statuses: ${t.covered} covered, ${t['not covered']} not covered, ${t['undocumented seen']} undocumented seen; events ${t.events}; promises ${checked}/${matrix.promises.length} checked.</p>
<h2>Failures</h2>${failuresList(results)}
<h2>Coverage: variant × operation × status</h2>${matrixTable(matrix)}
<h2>Push events</h2>${eventsTable(matrix)}
<h2>Promises</h2>${promisesTable(matrix)}
</body></html>
`;
}
