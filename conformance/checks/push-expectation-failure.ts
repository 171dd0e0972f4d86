import { operationLabel, type PushExpectationInput } from '../engine/check-types.ts';
import { joinPointer } from '../engine/json-pointer.ts';

/** The fields every push-expectation failure shares: the check, the `x-emits` operation and its exchange. */
export function pushExpectationBase(input: PushExpectationInput, check: string) {
  return {
    check,
    operation: operationLabel(input.operation),
    pointer: joinPointer(input.operation.pointer, 'x-emits'),
    ...(input.exchange ? { exchange: input.exchange } : {}),
  };
}
