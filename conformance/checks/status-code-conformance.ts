import { type CheckInput, operationLabel } from '../engine/check-types.ts';
import { type Failure, UndefinedStatusCode, UnexpectedStatusCode } from '../engine/failures.ts';
import { joinPointer } from '../engine/json-pointer.ts';
import { findResponse } from '../engine/spec-model.ts';

/**
 * The status must be documented for the operation; for an example (or flow step) it must also be
 * the status the document pairs with that request.
 */
export function status_code_conformance(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response') return [];
  const { operation, exchange, expectedStatus } = input;
  const status = exchange.response.status;
  if (status === 0) return [];
  const base = { check: 'status_code_conformance', operation: operationLabel(operation), exchange };
  if (!findResponse(operation, status)) {
    const documented = operation.responses.map((r) => r.status).join(', ');
    return [
      new UndefinedStatusCode({
        ...base,
        pointer: joinPointer(operation.pointer, 'responses'),
        message: `status ${status} is not documented (documented: ${documented})`,
      }),
    ];
  }
  if (expectedStatus !== undefined && status !== expectedStatus && status < 500) {
    return [
      new UnexpectedStatusCode({
        ...base,
        pointer: joinPointer(operation.pointer, 'responses', String(expectedStatus)),
        message: `expected status ${expectedStatus}, got ${status}: ${exchange.response.text.slice(0, 200)}`,
      }),
    ];
  }
  return [];
}
