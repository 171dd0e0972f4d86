import { type CheckInput, operationLabel } from '../engine/check-types.ts';
import { type Failure, MissingPushEvent } from '../engine/failures.ts';
import { joinPointer } from '../engine/json-pointer.ts';

/** A successful `x-emits` operation must reach every entitled connection within the deadline. */
export function push_emitted(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'push-expectation' || !input.entitled) return [];
  if (input.received.some(input.wanted)) return [];
  return [
    new MissingPushEvent({
      check: 'push_emitted',
      operation: operationLabel(input.operation),
      pointer: joinPointer(input.operation.pointer, 'x-emits'),
      message: `"${input.event}" never reached ${input.connection}`,
      ...(input.exchange ? { exchange: input.exchange } : {}),
    }),
  ];
}
