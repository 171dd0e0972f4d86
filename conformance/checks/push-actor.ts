import type { CheckInput } from '../engine/check-types.ts';
import { type Failure, WrongPushActor } from '../engine/failures.ts';
import { promisesFor, readValue, param } from '../engine/promise-model.ts';
import { promiseBase } from './promise-failure.ts';

/**
 * The event's actor field (`actor` pointer) names the user who acted (sender, recaller, reader),
 * not a recipient. Promise: asyncapi/push.yaml#/components/messages/<kind>/x-imgate-promises
 * (`sendMessage-actor` …).
 */
export function push_actor(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'push-expectation' || !input.entitled || input.actorNum === undefined) return [];
  return promisesFor(input.message?.promises ?? [], 'push_actor').flatMap((promise) => {
    const field = param(promise, 'actor');
    const wrong = input.received.filter(input.wanted).filter((e) => readValue(e, field) !== input.actorNum);
    if (wrong.length === 0) return [];
    return [
      new WrongPushActor({
        ...promiseBase(promise, 'push_actor', input.exchange),
        message: `${promise.id}: "${input.event}" to ${input.connection} has ${field} = ${JSON.stringify(readValue(wrong[0], field))}, but user ${input.actorNum} acted`,
      }),
    ];
  });
}
