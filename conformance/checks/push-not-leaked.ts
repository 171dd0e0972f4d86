import { type CheckInput, operationLabel } from '../engine/check-types.ts';
import { type Failure, LeakedPushEvent } from '../engine/failures.ts';
import { joinPointer } from '../engine/json-pointer.ts';

/** A connection that is not entitled (a non-member, a user left out by receive_ids) gets nothing. */
export function push_not_leaked(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'push-expectation' || input.entitled) return [];
  const leaked = input.received.filter(input.wanted);
  if (leaked.length === 0) return [];
  return [
    new LeakedPushEvent({
      check: 'push_not_leaked',
      operation: operationLabel(input.operation),
      pointer: joinPointer(input.operation.pointer, 'x-emits'),
      message: `"${input.event}" leaked to ${input.connection}`,
      detail: { leaked },
      ...(input.exchange ? { exchange: input.exchange } : {}),
    }),
  ];
}
