import type { Results } from '../engine/results.ts';
import type { SpecSet } from '../engine/spec-model.ts';

/** One cell row: a documented (or seen) status of one operation. */
export interface CoverageRow {
  readonly variant: string;
  readonly operation: string;
  readonly status: string;
  readonly state: 'covered' | 'not covered' | 'undocumented seen';
}

/** A declared promise and whether this run verified it. */
export interface PromiseRow {
  readonly id: string;
  readonly owner: string;
  readonly check: string;
  readonly pointer: string;
  /** `checked`: a check evaluated it; `not exercised`: its check exists but nothing reached it; `unchecked`: no check verifies it. */
  readonly state: 'checked' | 'not exercised' | 'unchecked';
}

export interface CoverageMatrix {
  readonly promises: readonly PromiseRow[];
  readonly rows: readonly CoverageRow[];
  readonly events: ReadonlyArray<{
    readonly kind: string;
    readonly covered: boolean;
    readonly by: readonly string[];
  }>;
  readonly totals: Readonly<Record<CoverageRow['state'], number>> & { readonly events: string };
}

/** variant × operation × documented status × push event: what the run reached and what it did not. */
export function coverageMatrix(
  specs: SpecSet,
  results: Results,
  variants: readonly string[],
  checks: ReadonlySet<string> = new Set(),
): CoverageMatrix {
  const rows: CoverageRow[] = [];
  for (const api of specs.apis.filter((a) => variants.includes(a.variant))) {
    for (const op of api.operations) {
      const seen = results.statuses.get(`${api.variant}:${op.operationId}`) ?? new Set<number>();
      const documented = op.responses.map((r) => r.status);
      for (const status of documented) {
        const hit = [...seen].some(
          (s) => String(s) === status || `${String(s)[0]}XX` === status.toUpperCase(),
        );
        rows.push({
          variant: api.variant,
          operation: op.operationId,
          status,
          state: hit ? 'covered' : 'not covered',
        });
      }
      for (const s of seen) {
        if (!documented.includes(String(s)) && !documented.includes(`${String(s)[0]}XX`)) {
          rows.push({
            variant: api.variant,
            operation: op.operationId,
            status: String(s),
            state: 'undocumented seen',
          });
        }
      }
    }
  }
  const events = (specs.push?.messages ?? []).map((m) => ({
    kind: m.kind,
    covered: results.events.has(m.kind),
    by: [...(results.events.get(m.kind) ?? [])],
  }));
  const count = (state: CoverageRow['state']) => rows.filter((r) => r.state === state).length;
  const declared = [
    ...specs.apis.filter((a) => variants.includes(a.variant)).flatMap((a) => a.operations.flatMap((o) => o.promises)),
    ...(specs.push ? [...specs.push.promises, ...specs.push.messages.flatMap((m) => m.promises)] : []),
  ];
  const promises: PromiseRow[] = declared.map((p) => ({
    id: p.id,
    owner: p.owner,
    check: p.check,
    pointer: p.pointer,
    state: !checks.has(p.check) ? 'unchecked' : results.promisesEvaluated.has(p.pointer) ? 'checked' : 'not exercised',
  }));
  return {
    promises,
    rows,
    events,
    totals: {
      covered: count('covered'),
      'not covered': count('not covered'),
      'undocumented seen': count('undocumented seen'),
      events: `${events.filter((e) => e.covered).length}/${events.length}`,
    },
  };
}

/** The matrix as a compact text table (one line per operation). */
export function renderCoverage(matrix: CoverageMatrix): string {
  const byOp = new Map<string, string[]>();
  for (const r of matrix.rows) {
    const key = `${r.variant}:${r.operation}`;
    const mark = r.state === 'covered' ? '✓' : r.state === 'not covered' ? '·' : '!';
    byOp.set(key, [...(byOp.get(key) ?? []), `${r.status}${mark}`]);
  }
  const lines = [...byOp].map(([op, cells]) => `  ${op.padEnd(40)} ${cells.join(' ')}`);
  const events = matrix.events.map((e) => `${e.kind}${e.covered ? '✓' : '·'}`).join('  ');
  return [
    'coverage (✓ covered, · not covered, ! undocumented status seen):',
    ...lines,
    `  push events: ${events}`,
    `promises (✓ checked, · not exercised, ✗ unchecked):`,
    ...matrix.promises.map((p) => `  ${p.state === 'checked' ? '✓' : p.state === 'unchecked' ? '✗' : '·'} ${p.owner.padEnd(30)} ${p.id.padEnd(26)} ${p.check}`),
  ].join('\n');
}
