import type { CheckInput } from '../engine/check-types.ts';
import { type Failure, MissingPushEvent } from '../engine/failures.ts';
import { pushExpectationBase } from './push-expectation-failure.ts';

/** A successful `x-emits` operation must reach every entitled connection within the deadline. */
export function push_emitted(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'push-expectation' || !input.entitled) return [];
  if (input.received.some(input.wanted)) return [];
  const message = `"${input.event}" never reached ${input.connection}`;
  return [new MissingPushEvent({ ...pushExpectationBase(input, 'push_emitted'), message })];
}
