import { type CheckInput, operationLabel } from '../engine/check-types.ts';
import { type Failure, IgnoredAuth } from '../engine/failures.ts';
import { joinPointer } from '../engine/json-pointer.ts';

/** A secured operation called without (or with a forged) credential must not succeed. */
export function ignored_auth(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response' || input.caseKind !== 'auth' || !input.operation.secured) return [];
  const { status } = input.exchange.response;
  if (status < 200 || status >= 300) return [];
  const how = input.exchange.request.headers.authorization ? 'a forged token' : 'no credentials';
  return [
    new IgnoredAuth({
      check: 'ignored_auth',
      operation: operationLabel(input.operation),
      pointer: joinPointer(input.operation.pointer, 'security'),
      message: `answered ${status} to a request with ${how}`,
      exchange: input.exchange,
    }),
  ];
}
