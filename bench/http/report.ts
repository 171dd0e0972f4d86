import type { LatencyResult, RateResult } from './load.ts';

/** One side-by-side pair: the subject and its baseline, measured in the same run. */
export interface Pair {
  readonly figure: string;
  readonly name: string;
  readonly subject: RateResult;
  readonly baseline: RateResult;
  readonly baselineName: string;
  readonly target: number;
}

/** Open-loop latency of one gateway route at half its measured maximum rate. */
export interface LatencyRow {
  readonly name: string;
  readonly maxPerSecond: number;
  readonly latency: LatencyResult;
}

function rate(result: RateResult): string {
  const errors = result.errors > 0 ? ` (${result.errors} errors)` : '';
  return `${Math.round(result.perSecond)}${errors}`;
}

/** The ratio subject / baseline of a pair. */
export function ratio(pair: Pair): number {
  return pair.subject.perSecond / pair.baseline.perSecond;
}

/** Markdown tables: the ratios, then the latencies. */
export function printTables(pairs: readonly Pair[], latencies: readonly LatencyRow[], setup: string): void {
  const lines = [
    setup,
    '',
    '| fig | case | req/s | baseline | baseline req/s | ratio | target |',
    '|---|---|---|---|---|---|---|',
    ...pairs.map((p) => {
      const r = ratio(p);
      const mark = r >= p.target ? '' : ' ✗';
      return `| ${p.figure} | ${p.name} | ${rate(p.subject)} | ${p.baselineName} | ${rate(p.baseline)} | ${r.toFixed(2)}${mark} | ≥ ${p.target} |`;
    }),
    '',
    '| route (gateway, open loop at 50% of max) | max req/s | offered req/s | p50 ms | p99 ms | errors | dropped |',
    '|---|---|---|---|---|---|---|',
    ...latencies.map(
      (l) =>
        `| ${l.name} | ${Math.round(l.maxPerSecond)} | ${Math.round(l.latency.rate)} | ${l.latency.p50Ms.toFixed(2)} | ${l.latency.p99Ms.toFixed(2)} | ${l.latency.errors} | ${l.latency.dropped} |`,
    ),
  ];
  console.log(lines.join('\n'));
}
