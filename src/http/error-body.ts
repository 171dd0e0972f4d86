import type { Variant } from './variants.ts';

/** `{code, data: null, msg}` (messages: `openapi/components/errors.yaml#/MessagesError`). */
export interface MessagesErrorBody {
  code: number;
  data: null;
  msg: string;
}

/** `{code, msg}` (imchat, record, admin: `openapi/components/errors.yaml#/Error`). */
export interface ErrorBody {
  code: number;
  msg: string;
}

/**
 * The error body of a variant; `code` always equals the HTTP status. Paths outside every variant
 * use the plain `{code, msg}` form.
 */
export function errorBody(
  variant: Variant | undefined,
  status: number,
  msg: string,
): ErrorBody | MessagesErrorBody {
  return variant === 'messages' ? { code: status, data: null, msg } : { code: status, msg };
}
