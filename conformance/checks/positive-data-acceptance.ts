import { type CheckInput, operationLabel } from '../engine/check-types.ts';
import { type Failure, RejectedPositiveData } from '../engine/failures.ts';
import { joinPointer } from '../engine/json-pointer.ts';

/**
 * Statuses a valid body may still get: they depend on state (no such chat, not a member, client id
 * reused), not on the shape of the body. Anything else (400, 413, 422 …) means the server refuses
 * what the document allows.
 */
const STATE_DEPENDENT = new Set([401, 403, 404, 409]);

/** A body that fits the request schema (and names real fixtures) must not be refused as invalid. */
export function positive_data_acceptance(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response' || input.caseKind !== 'positive') return [];
  const { status } = input.exchange.response;
  if (status === 0 || (status >= 200 && status < 300) || status >= 500 || STATE_DEPENDENT.has(status))
    return [];
  return [
    new RejectedPositiveData({
      check: 'positive_data_acceptance',
      operation: operationLabel(input.operation),
      pointer: joinPointer(input.operation.pointer, 'requestBody'),
      message: `schema-valid body refused with ${status}: ${input.exchange.response.text.slice(0, 200)}`,
      exchange: input.exchange,
    }),
  ];
}
