import type { CheckInput } from '../engine/check-types.ts';
import { DuplicatePushEvent, type Failure } from '../engine/failures.ts';
import { promisesFor, readValue } from '../engine/promise-model.ts';
import { promiseBase } from './promise-failure.ts';

/**
 * Delivery is at most once per connection: no two frames on one connection carry the same event
 * (the same values at every `keys` pointer); at least once is `push_emitted`. Promise:
 * asyncapi/push.yaml#/channels/ws/x-imgate-promises (`push-at-most-once`).
 */
export function push_exactly_once(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'push-connection') return [];
  return promisesFor(input.push.promises, 'push_exactly_once').flatMap((promise) => {
    const keys = (promise.params.keys as string[] | undefined) ?? [];
    const seen = new Set<string>();
    const twice: string[] = [];
    for (const frame of input.frames) {
      if (frame === undefined) continue;
      const id = JSON.stringify(keys.map((k) => readValue(frame, k)));
      if (seen.has(id)) twice.push(id);
      seen.add(id);
    }
    if (twice.length === 0) return [];
    return [
      new DuplicatePushEvent({
        ...promiseBase(promise, 'push_exactly_once'),
        operation: 'push:connection',
        message: `${promise.id}: ${input.connection} received ${twice.length} event(s) twice, e.g. ${keys.join(',')} = ${twice[0]}`,
        detail: { duplicates: twice.slice(0, 5) },
      }),
    ];
  });
}
