import { type CheckInput, operationLabel } from '../engine/check-types.ts';
import { type Failure, ServerError } from '../engine/failures.ts';
import { joinPointer } from '../engine/json-pointer.ts';

/** No request, valid or not, may crash the server (5xx) or go unanswered. */
export function not_a_server_error(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response') return [];
  const { status, error } = input.exchange.response;
  if (status !== 0 && status < 500) return [];
  return [
    new ServerError({
      check: 'not_a_server_error',
      operation: operationLabel(input.operation),
      pointer: joinPointer(input.operation.pointer, 'responses'),
      message: status === 0 ? `no response: ${error ?? 'connection failed'}` : `server error ${status}`,
      exchange: input.exchange,
    }),
  ];
}
