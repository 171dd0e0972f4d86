import type { CheckInput, PromiseInput, ResponseInput } from '../engine/check-types.ts';
import { CursorViolated, type Failure } from '../engine/failures.ts';
import type { Exchange } from '../engine/http-client.ts';
import { asNumber, type DeclaredPromise, promiseItems, readValue, param } from '../engine/promise-model.ts';
import { answerPromises, promiseBase } from './promise-failure.ts';

/** Consecutive pages of one cursor promise and one big window over the same range (engine/paging.ts). */
export interface PagesObservation {
  readonly pages: readonly Exchange[];
  readonly whole: Exchange;
  readonly wholeLimit: number;
}

/** `forward`, `backward`, or undefined when the request names neither direction of the promise. */
export function directionOf(promise: DeclaredPromise, body: unknown): 'forward' | 'backward' | undefined {
  const { forward, backward } = promise.params;
  if (forward === 'always') return 'forward';
  if (backward === 'always') return 'backward';
  const value = readValue(body, param(promise, 'direction'));
  return value === forward ? 'forward' : value === backward ? 'backward' : undefined;
}

/** The numeric keys of the items of an answer, in answer order. */
export function keysOf(promise: DeclaredPromise, json: unknown): number[] {
  return (promiseItems(promise, json) ?? [])
    .map((item) => asNumber(readValue(item, param(promise, 'key'))))
    .filter((k): k is number => k !== undefined);
}

function pageProblem(promise: DeclaredPromise, exchange: Exchange): string | undefined {
  const way = directionOf(promise, exchange.request.body);
  if (!way) return undefined;
  const cursor = asNumber(readValue(exchange.request.body, param(promise, 'cursor'))) ?? 0;
  const keys = keysOf(promise, exchange.response.json);
  if (promise.params.none !== undefined && cursor === asNumber(promise.params.none))
    return keys.length > 0 ? `cursor ${cursor} means "none", yet ${keys.length} items came back` : undefined;
  if (way === 'backward' && promise.params.latest !== undefined && cursor === asNumber(promise.params.latest))
    return undefined;
  const inclusive = promise.params.bound === 'inclusive';
  const outside = keys.find((k) =>
    way === 'forward' ? (inclusive ? k < cursor : k <= cursor) : inclusive ? k > cursor : k >= cursor,
  );
  if (outside === undefined) return undefined;
  const relation = way === 'forward' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
  return `${param(promise, 'key')} ${outside} is not ${relation} the ${param(promise, 'bound')} cursor ${cursor}`;
}

function perPage(input: ResponseInput): Failure[] {
  return answerPromises(input, 'cursor_semantics').flatMap((promise) => {
    const problem = pageProblem(promise, input.exchange);
    if (!problem) return [];
    const base = promiseBase(promise, 'cursor_semantics', input.exchange);
    return [new CursorViolated({ ...base, message: `${promise.id}: ${problem}` })];
  });
}

function acrossPages(input: PromiseInput): Failure[] {
  const { pages, whole, wholeLimit } = input.observation as PagesObservation;
  const promise = input.promise;
  const paged = pages.flatMap((p) => keysOf(promise, p.response.json));
  const overlap = paged.filter((k, i) => paged.indexOf(k) !== i);
  const all = keysOf(promise, whole.response.json);
  const [low, high] = [Math.min(...all), Math.max(...all)];
  const inRange = (k: number) => all.length < wholeLimit || (k >= low && k <= high);
  const skipped = all.filter((k) => !paged.includes(k));
  const extra = paged.filter((k) => inRange(k) && !all.includes(k));
  const problems = [
    overlap.length ? `pages overlap on ${overlap.slice(0, 5).join(', ')}` : '',
    skipped.length ? `paging skipped ${skipped.slice(0, 5).join(', ')} (in one big window)` : '',
    extra.length ? `pages hold ${extra.slice(0, 5).join(', ')}, absent from one big window` : '',
  ].filter(Boolean);
  if (problems.length === 0) return [];
  const last = pages.at(-1) ?? whole;
  return [
    new CursorViolated({
      ...promiseBase(promise, 'cursor_semantics', last),
      message: `${promise.id} across ${pages.length} pages: ${problems.join('; ')}`,
      detail: { pages: pages.map((p) => keysOf(promise, p.response.json)), whole: all },
    }),
  ];
}

/**
 * Cursors keep their documented bound (inclusive or exclusive, per direction; `none` and `latest`
 * values), and consecutive pages join with no overlap and no skip. Promise:
 * `x-imgate-promises[check=cursor_semantics]` (list-cursor, pull-cursor, sync-cursor, pri-cursor).
 */
export function cursor_semantics(input: CheckInput): readonly Failure[] {
  if (input.kind === 'response') return perPage(input);
  if (input.kind === 'promise' && input.promise.check === 'cursor_semantics') return acrossPages(input);
  return [];
}
