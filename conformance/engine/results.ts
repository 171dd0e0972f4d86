import type { Failure } from './failures.ts';
import type { Exchange } from './http-client.ts';

/** One executed case: what was sent, which checks looked at it, what they found. */
export interface CaseRecord {
  readonly variant: string;
  readonly phase: string;
  readonly operation: string;
  readonly label: string;
  readonly status?: number;
  readonly checks: readonly string[];
  readonly failures: readonly Failure[];
  readonly ms: number;
  /** The HTTP exchange of the case, when it was one (flows report unusable answers with it). */
  readonly exchange?: Exchange;
}

/** Listener for live progress. */
export type OnCase = (record: CaseRecord, results: Results) => void;

/**
 * Everything a run observed. Reports are pure functions of this object, so the JSON, JUnit and
 * coverage outputs always agree.
 */
export class Results {
  readonly cases: CaseRecord[] = [];
  /** `variant:operationId` -> statuses seen. */
  readonly statuses = new Map<string, Set<number>>();
  /** Push event kinds seen on any connection, with the operations that caused them. */
  readonly events = new Map<string, Set<string>>();
  /** Pointers of the declared promises some check has evaluated (the coverage report's promise list). */
  readonly promisesEvaluated = new Set<string>();
  readonly startedAt = performance.now();
  finishedAt = 0;
  /** Builds the command that replays one phase (repro of failures that are not one HTTP request). */
  rerun: ((phase: string) => string) | undefined;
  /** Set when the run stopped early (interrupted, or the runner broke): reports say so. */
  partial: string | undefined;
  constructor(private readonly onCase?: OnCase) {}

  add(record: CaseRecord): void {
    if (this.rerun)
      for (const f of record.failures) if (!f.init.exchange) f.rerunCommand ??= this.rerun(record.phase);
    this.cases.push(record);
    if (record.status !== undefined && record.status > 0) {
      const key = `${record.variant}:${record.operation}`;
      const seen = this.statuses.get(key) ?? new Set<number>();
      seen.add(record.status);
      this.statuses.set(key, seen);
    }
    this.onCase?.(record, this);
  }

  sawEvent(kind: string, cause: string): void {
    const causes = this.events.get(kind) ?? new Set<string>();
    causes.add(cause);
    this.events.set(kind, causes);
  }

  failures(): Failure[] {
    return this.cases.flatMap((c) => c.failures);
  }

  seconds(): number {
    return ((this.finishedAt || performance.now()) - this.startedAt) / 1000;
  }
}
