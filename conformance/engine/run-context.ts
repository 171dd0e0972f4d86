import type { Check } from './check-types.ts';
import type { FixtureSet, Provision } from './fixture-types.ts';
import type { Results } from './results.ts';
import type { Operation, SpecSet } from './spec-model.ts';

/** Settings and shared state of one run, handed to every phase. */
export interface RunContext {
  readonly target: string;
  readonly specs: SpecSet;
  /** Operations of the variants under test. */
  readonly operations: readonly Operation[];
  readonly checks: ReadonlyMap<string, Check>;
  readonly provision: Provision;
  readonly results: Results;
  readonly seed: number;
  /** Fuzz cases per operation. */
  readonly maxCases: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  /** The server's request body limit in bytes: one case per operation goes just over it; 0 = no such case. */
  readonly bodyLimit: number;
  /** How long an `x-emits` operation's events may take to arrive. */
  readonly pushDeadlineMs: number;
  /** Fixture sets by purpose, provisioned once. */
  readonly fixtureCache: Map<string, Promise<FixtureSet>>;
}

/** The fixtures for `purpose`, provisioned on first use. */
export function fixturesFor(ctx: RunContext, purpose: string): Promise<FixtureSet> {
  let cached = ctx.fixtureCache.get(purpose);
  if (!cached) {
    cached = ctx.provision({ target: ctx.target, purpose, seed: ctx.seed, specs: ctx.specs });
    ctx.fixtureCache.set(purpose, cached);
  }
  return cached;
}

export function findOperation(ctx: RunContext, operationId: string): Operation | undefined {
  return ctx.operations.find((o) => o.operationId === operationId);
}
