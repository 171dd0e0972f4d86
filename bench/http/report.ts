import type { LatencyResult, RateResult } from './load.ts';

/** One side of a comparison, measured in alternating slices: its rate and its server's CPU time. */
export interface Measured extends RateResult {
  /** Server process CPU (user + system) per completed request, ms. */
  readonly cpuMsPerRequest: number;
}

/** A gateway route against the ceiling server's operation, in the same run. */
export interface RouteRow {
  readonly name: string;
  readonly gateway: Measured;
  readonly ceilingName: string;
  readonly ceiling: Measured;
  readonly least: number;
  readonly gatewayLatency: LatencyResult;
  readonly ceilingLatency: LatencyResult;
}

/** A plain pair of rates (the framework figures). */
export interface Pair {
  readonly name: string;
  readonly subject: RateResult;
  readonly baselineName: string;
  readonly baseline: RateResult;
}

/** ceiling CPU per request / gateway CPU per request: 1 means the gateway costs what the ceiling costs. */
export function cpuRatio(row: RouteRow): number {
  return row.ceiling.cpuMsPerRequest / row.gateway.cpuMsPerRequest;
}

const rate = (r: RateResult) => `${Math.round(r.perSecond)}${r.errors > 0 ? ` (${r.errors} errors)` : ''}`;
const p99 = (l: LatencyResult) => l.p99Ms.toFixed(1);

/** Markdown tables: routes against their ceilings, then the framework pairs. */
export function printTables(rows: readonly RouteRow[], pairs: readonly Pair[], setup: string): void {
  const lines = [
    setup,
    '',
    '| route | req/s | p99 ms | CPU ms/req | ceiling | req/s | p99 ms | CPU ms/req | CPU ratio | target |',
    '|---|---:|---:|---:|---|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const ratio = cpuRatio(r);
      return (
        `| ${r.name} | ${rate(r.gateway)} | ${p99(r.gatewayLatency)} | ${r.gateway.cpuMsPerRequest.toFixed(3)} ` +
        `| ${r.ceilingName} | ${rate(r.ceiling)} | ${p99(r.ceilingLatency)} | ${r.ceiling.cpuMsPerRequest.toFixed(3)} ` +
        `| ${ratio.toFixed(2)}${ratio >= r.least ? '' : ' ✗'} | ≥ ${r.least} |`
      );
    }),
    '',
    '| case | req/s | baseline | req/s | ratio |',
    '|---|---:|---|---:|---:|',
    ...pairs.map(
      (p) =>
        `| ${p.name} | ${rate(p.subject)} | ${p.baselineName} | ${rate(p.baseline)} | ${(p.subject.perSecond / p.baseline.perSecond).toFixed(2)} |`,
    ),
  ];
  console.log(lines.join('\n'));
}
