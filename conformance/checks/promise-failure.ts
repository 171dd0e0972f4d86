import { operationLabel, type ResponseInput } from '../engine/check-types.ts';
import type { Exchange } from '../engine/http-client.ts';
import { type DeclaredPromise, promisesFor } from '../engine/promise-model.ts';

/** The fields every promise failure shares: the check, its promise's pointer and id, the exchange. */
export function promiseBase(promise: DeclaredPromise, check: string, exchange?: Exchange) {
  return {
    check,
    operation: promise.owner,
    pointer: promise.pointer,
    ...(exchange ? { exchange } : {}),
  };
}

/** For per-answer promise checks: the operation's promises for `check`, when the answer is a 2xx JSON body. */
export function answerPromises(input: ResponseInput, check: string): DeclaredPromise[] {
  const { status, json } = input.exchange.response;
  if (status < 200 || status >= 300 || json === undefined) return [];
  return promisesFor(input.operation.promises, check);
}

export { operationLabel };
