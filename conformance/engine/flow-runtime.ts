import type { FreedMarker } from './check-types.ts';
import { operationLabel } from './check-types.ts';
import { RunnerError } from './errors.ts';
import { performCase, runChecks } from './exchange.ts';
import type { FixtureSet } from './fixture-types.ts';
import { tokenFor } from './fixture-types.ts';
import type { CallOptions, CallResult, FlowRuntime } from './flow-types.ts';
import { createRng, hashSeed } from './prng.ts';
import { createCounterRecorder, judgePromise } from './promise-judge.ts';
import { promisesFor } from './promise-model.ts';
import { expectEmitted } from './push-expectations.ts';
import type { PushListener } from './push-listener.ts';
import { findOperation, type RunContext } from './run-context.ts';
import type { Operation } from './spec-model.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A step got a status the flow cannot continue from; the failure is already recorded by a check. */
export class FlowAborted extends Error {
  override readonly name = 'FlowAborted';
}

function firstSuccess(operation: Operation): number {
  const codes = operation.responses.map((r) => Number(r.status)).filter((s) => s >= 200 && s < 300);
  return Math.min(...codes, 299);
}

/**
 * The engine side of a declared flow: every call is a checked case (`caseKind: flow`), freed
 * markers feed `use_after_free`, and with push listeners every `x-emits` call is awaited on the
 * entitled connections and watched on the others.
 */
export function createFlowRuntime(
  ctx: RunContext,
  phase: string,
  fixtures: FixtureSet,
  listeners: ReadonlyMap<string, PushListener>,
): FlowRuntime & { finish(): void } {
  const counters = createCounterRecorder();
  const freed: FreedMarker[] = [];
  const rng = createRng(hashSeed(ctx.seed, phase));
  let counter = 0;
  const mediaOf = (op: Operation) => op.requestBody?.media[0]?.mediaType;
  const frames = (actor: string) => listeners.get(actor)?.frames ?? [];
  const runtime: FlowRuntime & { finish(): void } = {
    fixtures,
    finish: () => counters.finish(ctx, phase),
    promises(owner, check) {
      if (owner === 'push') return promisesFor(ctx.specs.push?.promises ?? [], check);
      return promisesFor(findOperation(ctx, owner)?.promises ?? [], check);
    },
    judge: (promise, observation) => judgePromise(ctx, phase, promise, observation),
    has: (operationId) => findOperation(ctx, operationId) !== undefined,
    unique: (prefix) => `${prefix}-${ctx.seed}-${rng.string(10)}-${++counter}`,
    free(marker, what) {
      freed.push({ marker, what });
    },
    events: (actor) => frames(actor).map((f) => f.json),
    async waitForEvent(actor, match) {
      const deadline = performance.now() + ctx.pushDeadlineMs;
      while (performance.now() < deadline) {
        const found = frames(actor).find((f) => match(f.json));
        if (found) return found.json;
        await sleep(20);
      }
      return undefined;
    },
    consistent(subject, facts, rules) {
      const { checks, failures } = runChecks(ctx, { kind: 'consistency', subject, facts, rules });
      ctx.results.add({
        variant: 'cross-variant',
        phase,
        operation: 'consistency',
        label: subject,
        checks,
        failures,
        ms: 0,
      });
    },
    async call(operationId: string, body: unknown, options: CallOptions = {}): Promise<CallResult> {
      const operation = findOperation(ctx, operationId);
      if (!operation) throw new RunnerError(`flow calls ${operationId}, which no loaded document defines`);
      const cursors = new Map([...listeners].map(([actor, l]) => [actor, l.frames.length]));
      const exchange = await performCase(ctx, operation, {
        phase,
        label: `${phase} ${operationId}${options.label ? `: ${options.label}` : ''}`,
        caseKind: 'flow',
        body,
        mediaType: mediaOf(operation),
        token: tokenFor(fixtures, operation, options.as),
        freed: [...freed],
        expectedStatus: options.expect ?? firstSuccess(operation),
        ...(options.pathParams ? { pathParams: options.pathParams } : {}),
      });
      counters.observe(operation, exchange);
      const { status, json } = exchange.response;
      if (status >= 200 && status < 300 && operation.emits.length > 0 && listeners.size > 0) {
        await expectEmitted(ctx, { operation, exchange, fixtures, listeners, cursors, options, phase });
      }
      if (options.expect === undefined && (status < 200 || status >= 300)) {
        throw new FlowAborted(`flow step ${operationLabel(operation)} got ${status}; the flow cannot go on`);
      }
      return { status, json, exchange };
    },
  };
  return runtime;
}
