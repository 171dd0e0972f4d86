import type { CheckInput } from '../engine/check-types.ts';
import { CounterBroken, type Failure } from '../engine/failures.ts';
import type { Exchange } from '../engine/http-client.ts';
import { asNumber, type DeclaredPromise } from '../engine/promise-model.ts';
import { promiseBase } from './promise-failure.ts';

/** One call of an operation that declares the counter, in call order (engine/counter-series.ts). */
export interface CounterObservation {
  readonly promise: DeclaredPromise;
  /** The value the answer shows; undefined when the operation moves the counter without showing it. */
  readonly value: number | undefined;
  /** The scope the counter counts in (a chat id), or undefined when global or unknown. */
  readonly scope: string | undefined;
  readonly exchange: Exchange;
}

export interface CounterSeries {
  readonly counter: string;
  readonly observations: readonly CounterObservation[];
}

function judge(prev: CounterObservation, next: CounterObservation, adjacent: boolean): string | undefined {
  const [a, b] = [prev.value as number, next.value as number];
  const step = asNumber(next.promise.params.step);
  if (adjacent && step !== undefined && b - a !== step)
    return `moved from ${a} to ${b}, not by the declared step ${step}`;
  if (b <= a) return `went from ${a} to ${b}: it must grow`;
  return undefined;
}

/**
 * Counters start, step and grow as declared (`start`, `step`, strictly increasing within a
 * `scope`), and each declared mover moves them. Two observations with nothing in between are held
 * to the step; with an unobserved mover in between, only to growth. Promise:
 * `x-imgate-promises[check=counter_monotonic]` (chat-sequence, recall-index, log-id).
 */
export function counter_monotonic(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'promise' || input.promise.check !== 'counter_monotonic') return [];
  const { counter, observations } = input.observation as CounterSeries;
  const failures: Failure[] = [];
  observations.forEach((next, i) => {
    if (next.value === undefined) return;
    const start = asNumber(next.promise.params.start);
    if (start !== undefined && next.value < start)
      failures.push(broken(next, `${counter} ${next.value} is below the declared start ${start}`));
    let j = i - 1;
    while (j >= 0 && !(observations[j]?.value !== undefined && observations[j]?.scope === next.scope)) j--;
    const prev = observations[j];
    if (!prev) return;
    const adjacent = j === i - 1;
    const problem = judge(prev, next, adjacent);
    if (problem) failures.push(broken(next, `${counter} in ${next.scope ?? 'the whole server'} ${problem}`));
  });
  return failures;
}

function broken(at: CounterObservation, message: string): Failure {
  return new CounterBroken({
    ...promiseBase(at.promise, 'counter_monotonic', at.exchange),
    message: `${at.promise.id}: ${message}`,
  });
}
