import type { CheckInput } from '../engine/check-types.ts';
import { EncodingViolation, type Failure } from '../engine/failures.ts';
import { readValue, STANDARD_BASE64, param } from '../engine/promise-model.ts';
import { validate } from '../engine/schema-validator.ts';
import type { Schema } from '../engine/spec-model.ts';
import { answerPromises, promiseBase } from './promise-failure.ts';

/** Why one encoded item is not what the promise says, or undefined when it is. */
function problemOf(item: unknown, schema: Schema | undefined): string | undefined {
  if (typeof item !== 'string') return `is a ${typeof item}, not a base64 string`;
  if (!STANDARD_BASE64.test(item))
    return 'is not standard padded base64 (RFC 4648 §4; base64url is not format: byte)';
  const text = Buffer.from(item, 'base64').toString('utf8');
  let decoded: unknown;
  try {
    decoded = JSON.parse(text);
  } catch {
    return `does not decode to JSON: ${text.slice(0, 80)}`;
  }
  const violations = schema ? validate(schema, decoded) : [];
  return violations[0]
    ? `decodes to JSON that breaks the declared schema: ${violations[0].message}`
    : undefined;
}

/**
 * `format: byte` values are standard base64 and decode to UTF-8 JSON valid against the declared
 * schema, with int64 ids in their declared form. Promise:
 * openapi/record.yaml#/paths/~1app~1record~1sync-record/post/x-imgate-promises (`sync-encoding`).
 */
export function encoding_conformance(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response') return [];
  return answerPromises(input, 'encoding_conformance').flatMap((promise) => {
    const items = readValue(input.exchange.response.json, param(promise, 'items'));
    if (!Array.isArray(items)) return [];
    const schema = promise.params.schema as Schema | undefined;
    const bad = items.map((item, i) => [i, problemOf(item, schema)] as const).filter(([, p]) => p);
    return bad.slice(0, 3).map(
      ([i, problem]) =>
        new EncodingViolation({
          ...promiseBase(promise, 'encoding_conformance', input.exchange),
          message: `${promise.id}: ${param(promise, 'items')}/${i} ${problem}`,
        }),
    );
  });
}
