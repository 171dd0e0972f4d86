import { type CheckInput, operationLabel } from '../engine/check-types.ts';
import { type Failure, MissingHeader } from '../engine/failures.ts';
import { validate } from '../engine/schema-validator.ts';
import { findResponse } from '../engine/spec-model.ts';

function coerce(value: string): unknown {
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** Documented required headers must be present, and every documented header must fit its schema. */
export function response_headers_conformance(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response') return [];
  const { operation, exchange } = input;
  const response = findResponse(operation, exchange.response.status);
  if (!response) return [];
  const failures: Failure[] = [];
  for (const header of response.headers) {
    const value = exchange.response.headers[header.name];
    const problem =
      value === undefined
        ? header.required
          ? 'is missing'
          : undefined
        : header.schema && validate(header.schema, coerce(value)).length > 0
          ? `"${value}" does not fit its schema`
          : undefined;
    if (problem) {
      failures.push(
        new MissingHeader({
          check: 'response_headers_conformance',
          operation: operationLabel(operation),
          pointer: header.pointer,
          message: `header ${header.name} ${problem}`,
          exchange,
        }),
      );
    }
  }
  return failures;
}
