import type { CheckInput } from '../engine/check-types.ts';
import { type Failure, LeakedPushEvent } from '../engine/failures.ts';
import { pushExpectationBase } from './push-expectation-failure.ts';

/** A connection that is not entitled (a non-member, a user left out by receive_ids) gets nothing. */
export function push_not_leaked(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'push-expectation' || input.entitled) return [];
  const leaked = input.received.filter(input.wanted);
  if (leaked.length === 0) return [];
  const message = `"${input.event}" leaked to ${input.connection}`;
  return [
    new LeakedPushEvent({ ...pushExpectationBase(input, 'push_not_leaked'), message, detail: { leaked } }),
  ];
}
