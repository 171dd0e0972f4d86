import { type CheckInput, operationLabel } from '../engine/check-types.ts';
import { type Failure, UseAfterFree } from '../engine/failures.ts';

// eslint-disable-next-line no-control-regex -- control characters mean "binary, not text"
const NOT_TEXT = /[\u0000-\u0008\u000e-\u001f\uFFFD]/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4}){2,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Every string of a JSON body that is base64 of UTF-8 text, decoded: servers that wrap records
 * (`/app/record/sync-record` returns base64 JSON) must not smuggle freed content past the check.
 */
export function decodedBase64Strings(value: unknown): string[] {
  if (typeof value === 'string') {
    if (!BASE64.test(value)) return [];
    const text = Buffer.from(value, 'base64').toString('utf8');
    return NOT_TEXT.test(text) ? [] : [text, ...decodedBase64Strings(parseJson(text))];
  }
  if (Array.isArray(value)) return value.flatMap(decodedBase64Strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(decodedBase64Strings);
  return [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Content of a recalled message, or a cleared message itself, must never come back (plain or base64). */
export function use_after_free(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response' || !input.freed || input.freed.length === 0) return [];
  const { text, status, json } = input.exchange.response;
  if (status < 200 || status >= 300) return [];
  const decoded = decodedBase64Strings(json).join('\n');
  return input.freed
    .filter((f) => text.includes(f.marker) || decoded.includes(f.marker))
    .map(
      (f) =>
        new UseAfterFree({
          check: 'use_after_free',
          operation: operationLabel(input.operation),
          pointer: `${input.operation.pointer}/responses/${status}`,
          message: `${f.what} came back: "${f.marker}" is in the response${text.includes(f.marker) ? '' : ' (base64-encoded)'}`,
          exchange: input.exchange,
          severity: 'critical',
        }),
    );
}
