import type { CheckInput } from '../engine/check-types.ts';
import { type Failure, NotIdempotent } from '../engine/failures.ts';
import type { Exchange } from '../engine/http-client.ts';
import { asNumber, readValue, param } from '../engine/promise-model.ts';
import { promiseBase } from './promise-failure.ts';

/** A first call, its identical retry, and a reuse of the same key with the `change` field altered. */
export interface RetryObservation {
  readonly first: Exchange;
  readonly retry: Exchange;
  readonly conflict: Exchange;
}

/**
 * A retry with the same idempotency key and body gets the first answer (at `answer`), and the
 * same key with other content gets the declared `conflict` status. Promise:
 * openapi/messages.yaml#/paths/~1message~1send/post (`send-idempotent`), record `push-idempotent`.
 */
export function idempotent_retry(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'promise' || input.promise.check !== 'idempotent_retry') return [];
  const { first, retry, conflict } = input.observation as RetryObservation;
  const answer = param(input.promise, 'answer');
  const failures: Failure[] = [];
  const a = JSON.stringify(readValue(first.response.json, answer));
  const b = JSON.stringify(readValue(retry.response.json, answer));
  if (retry.response.status !== first.response.status || a !== b)
    failures.push(
      new NotIdempotent({
        ...promiseBase(input.promise, 'idempotent_retry', retry),
        message: `${input.promise.id}: the retry answered ${retry.response.status} ${b?.slice(0, 200)}, the first call ${first.response.status} ${a?.slice(0, 200)}`,
      }),
    );
  const want = asNumber(input.promise.params.conflict);
  if (want !== undefined && conflict.response.status !== want)
    failures.push(
      new NotIdempotent({
        ...promiseBase(input.promise, 'idempotent_retry', conflict),
        message: `${input.promise.id}: the same key with other content answered ${conflict.response.status}, not ${want}`,
      }),
    );
  return failures;
}
