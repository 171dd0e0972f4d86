import type { CheckInput } from '../engine/check-types.ts';
import { type Failure, OutOfOrder } from '../engine/failures.ts';
import { asNumber, promiseItems, readValue, param } from '../engine/promise-model.ts';
import { answerPromises, promiseBase } from './promise-failure.ts';

/**
 * Items come strictly in the declared order of their key (`order: ascending|descending`): clients
 * append pages without sorting. Promise: `x-imgate-promises[check=ordering]`, e.g.
 * openapi/messages.yaml#/paths/~1message~1list/post (`/data/items` ascending by `/sequence`).
 */
export function ordering(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response') return [];
  return answerPromises(input, 'ordering').flatMap((promise) => {
    const keys = (promiseItems(promise, input.exchange.response.json) ?? []).map((item) =>
      asNumber(readValue(item, param(promise, 'key'))),
    );
    const descending = promise.params.order === 'descending';
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]];
      if (a === undefined || b === undefined) continue;
      if (descending ? b < a : b > a) continue;
      return [
        new OutOfOrder({
          ...promiseBase(promise, 'ordering', input.exchange),
          message: `${promise.id}: ${param(promise, 'key')} ${a} is followed by ${b}, not strictly ${param(promise, 'order')}`,
        }),
      ];
    }
    return [];
  });
}
