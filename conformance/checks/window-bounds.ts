import type { CheckInput } from '../engine/check-types.ts';
import { type Failure, WindowExceeded } from '../engine/failures.ts';
import { asNumber, promiseItems, readValue, param } from '../engine/promise-model.ts';
import { answerPromises, promiseBase } from './promise-failure.ts';

/**
 * A window never holds more items than its request field allows (`limit`, or the documented
 * `default` when the request leaves it out). Promise: `x-imgate-promises[check=window_bounds]`,
 * e.g. openapi/imchat.yaml#/paths/~1im.chat~1pull/post (`/msgs` bounded by `/count`).
 */
export function window_bounds(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response') return [];
  return answerPromises(input, 'window_bounds').flatMap((promise) => {
    const items = promiseItems(promise, input.exchange.response.json);
    const requested = asNumber(readValue(input.exchange.request.body, param(promise, 'limit')));
    const limit = requested ?? asNumber(promise.params.default);
    if (!items || limit === undefined || items.length <= limit) return [];
    return [
      new WindowExceeded({
        ...promiseBase(promise, 'window_bounds', input.exchange),
        message: `${promise.id}: ${items.length} items at ${param(promise, 'items')}, but ${param(promise, 'limit')} allows ${limit}`,
      }),
    ];
  });
}
