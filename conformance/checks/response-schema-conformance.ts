import { type CheckInput, operationLabel } from '../engine/check-types.ts';
import { type Failure, SchemaViolation } from '../engine/failures.ts';
import { joinPointer } from '../engine/json-pointer.ts';
import { validate } from '../engine/schema-validator.ts';
import { findResponse } from '../engine/spec-model.ts';

/** A JSON body must fit the schema documented for its status (missing fields, wrong types, ranges). */
export function response_schema_conformance(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response') return [];
  const { operation, exchange } = input;
  const response = findResponse(operation, exchange.response.status);
  const media = response?.media.find((m) => m.mediaType.includes('json') && m.schema);
  if (!response || !media?.schema || exchange.response.status === 0) return [];
  const contentType = exchange.response.headers['content-type'] ?? '';
  if (exchange.response.json === undefined) {
    if (!contentType.includes('json')) return [];
    return [violation(input, joinPointer(media.pointer, 'schema'), 'body is not valid JSON')];
  }
  return validate(media.schema, exchange.response.json).map((v) =>
    violation(input, `${joinPointer(media.pointer, 'schema')}${v.schemaPath.replace(/^#/, '')}`, v.message),
  );
}

function violation(input: CheckInput & { kind: 'response' }, pointer: string, message: string): Failure {
  return new SchemaViolation({
    check: 'response_schema_conformance',
    operation: operationLabel(input.operation),
    pointer,
    message: `${input.exchange.response.status} body: ${message}`,
    exchange: input.exchange,
  });
}
