import { type CheckInput, operationLabel } from '../engine/check-types.ts';
import { type Failure, UseAfterFree } from '../engine/failures.ts';

/** Content of a recalled message, or a cleared message itself, must never come back. */
export function use_after_free(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response' || !input.freed || input.freed.length === 0) return [];
  const { text, status } = input.exchange.response;
  if (status < 200 || status >= 300) return [];
  return input.freed
    .filter((f) => text.includes(f.marker))
    .map(
      (f) =>
        new UseAfterFree({
          check: 'use_after_free',
          operation: operationLabel(input.operation),
          pointer: `${input.operation.pointer}/responses/${status}`,
          message: `${f.what} came back: "${f.marker}" is in the response`,
          exchange: input.exchange,
          severity: 'critical',
        }),
    );
}
