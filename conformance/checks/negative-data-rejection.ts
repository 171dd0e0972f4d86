import { type CheckInput, operationLabel } from '../engine/check-types.ts';
import { AcceptedNegativeData, type Failure } from '../engine/failures.ts';
import { joinPointer } from '../engine/json-pointer.ts';

/** A body that breaks the request schema must be refused with a 4xx, never accepted. */
export function negative_data_rejection(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response' || input.caseKind !== 'negative') return [];
  const { status } = input.exchange.response;
  if (status >= 400 && status < 500) return [];
  if (status === 0 || status >= 500) return [];
  return [
    new AcceptedNegativeData({
      check: 'negative_data_rejection',
      operation: operationLabel(input.operation),
      pointer: joinPointer(input.operation.pointer, 'requestBody'),
      message: `schema-invalid body answered ${status} instead of a documented 4xx`,
      exchange: input.exchange,
    }),
  ];
}
