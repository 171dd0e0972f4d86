import type { CounterObservation } from '../checks/counter-monotonic.ts';
import { runChecks } from './exchange.ts';
import type { Exchange } from './http-client.ts';
import { asNumber, type DeclaredPromise, promisesFor, readValue, param } from './promise-model.ts';
import type { RunContext } from './run-context.ts';
import type { Operation } from './spec-model.ts';

/** Runs the check a stateful promise names on what a flow observed, and records it as one case. */
export function judgePromise(
  ctx: RunContext,
  phase: string,
  promise: DeclaredPromise,
  observation: unknown,
): void {
  const { checks, failures } = runChecks(ctx, { kind: 'promise', promise, observation });
  const [variant = 'push', operation = promise.owner] = promise.owner.split(':');
  ctx.results.add({
    variant,
    phase,
    operation,
    label: `${phase} promise ${promise.id}`,
    checks,
    failures,
    ms: 0,
  });
}

/**
 * Collects, in call order, every 2xx answer of an operation that declares a `counter_monotonic`
 * promise; identical retries are left out (they must repeat the first answer, not move the counter).
 */
export function createCounterRecorder() {
  const series = new Map<string, CounterObservation[]>();
  const bodies = new Set<string>();
  return {
    observe(operation: Operation, exchange: Exchange): void {
      const { status, json } = exchange.response;
      if (status < 200 || status >= 300) return;
      const body = `${operation.operationId}:${JSON.stringify(exchange.request.body)}`;
      if (bodies.has(body)) return;
      bodies.add(body);
      for (const promise of promisesFor(operation.promises, 'counter_monotonic')) {
        const counter = param(promise, 'counter') || promise.id;
        const value =
          promise.params.value === undefined ? undefined : asNumber(readValue(json, param(promise, 'value')));
        const scopeValue =
          promise.params.scope === undefined
            ? undefined
            : readValue(exchange.request.body, param(promise, 'scope'));
        const scope =
          typeof scopeValue === 'string' || typeof scopeValue === 'number' ? String(scopeValue) : undefined;
        const list = series.get(counter) ?? [];
        list.push({ promise, value, scope, exchange });
        series.set(counter, list);
      }
    },
    /** Judges every counter seen with at least one value. */
    finish(ctx: RunContext, phase: string): void {
      for (const [counter, observations] of series) {
        const first = observations.find((o) => o.value !== undefined);
        if (!first) continue;
        judgePromise(ctx, phase, first.promise, { counter, observations });
        for (const o of observations) ctx.results.promisesEvaluated.add(o.promise.pointer);
      }
      series.clear();
    },
  };
}
