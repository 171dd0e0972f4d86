import type { CheckInput } from '../engine/check-types.ts';
import { type Failure, PushAuthIgnored } from '../engine/failures.ts';
import { asNumber } from '../engine/promise-model.ts';
import { promiseBase } from './promise-failure.ts';

/** One upgrade attempt: which credential, in which form, and what the server did. */
export interface ConnectAttempt {
  readonly credential: 'missing' | 'forged' | 'expired' | 'valid';
  readonly form: 'header' | 'query';
  /** The upgrade's HTTP status when refused, 101 when the WebSocket opened, 0 when the connection failed. */
  readonly status: number;
}

/**
 * The push channel refuses a missing, forged or expired token, in the header and the query form,
 * with the declared status, and opens for a valid one. Promise:
 * asyncapi/push.yaml#/channels/ws/x-imgate-promises (`push-auth`).
 */
export function push_auth(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'promise' || input.promise.check !== 'push_auth') return [];
  const attempts = input.observation as readonly ConnectAttempt[];
  const status = asNumber(input.promise.params.status);
  const problems = attempts.flatMap((a) => {
    if (a.credential === 'valid')
      return a.status === 101 ? [] : [`a valid token in the ${a.form} was refused with ${a.status}`];
    if (a.status === 101) return [`opened for a ${a.credential} token in the ${a.form}`];
    if (status !== undefined && a.status !== 0 && a.status !== status)
      return [`a ${a.credential} token in the ${a.form} was refused with ${a.status}, not ${status}`];
    return [];
  });
  if (problems.length === 0) return [];
  return [
    new PushAuthIgnored({
      ...promiseBase(input.promise, 'push_auth'),
      message: `${input.promise.id}: ${problems.join('; ')}`,
      detail: { attempts },
    }),
  ];
}
