import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { isDomainError } from '../domain/index.ts';
import { bearerChallenge, hasBearerToken } from './auth/bearer-challenge.ts';
import { errorBody } from './error-body.ts';
import type { Variant } from './variants.ts';

/** Statuses that reach the client as they are; anything else becomes a 500. */
const PASSED_THROUGH = new Set([400, 401, 403, 404, 409, 413]);

/** Why a framework exception happened, in the words of the documents' 400 responses. */
function frameworkMessage(error: HTTPException): { status: number; msg: string } {
  if (error.status === 415)
    return { status: 400, msg: 'content-type: unsupported media type for this operation' };
  // hono's JSON validator says "Malformed JSON in request body"; other 400s (a multipart body
  // whose boundary says json) keep their own message
  if (error.status === 400 && /^malformed json/i.test(error.message))
    return { status: 400, msg: 'body: malformed JSON' };
  if (PASSED_THROUGH.has(error.status)) return { status: error.status, msg: error.message || 'bad request' };
  return { status: 500, msg: 'internal server error' };
}

/**
 * The `app.onError` of one variant: `DomainError`s render with their status, framework exceptions
 * (malformed JSON, wrong content type, body too large) as the documented 400/413, and anything
 * unexpected as a logged 500 that leaks no stack — all in the variant's body.
 */
export function variantErrorHandler(variant: Variant | undefined, fallbackLog: Logger): ErrorHandler {
  return function renderVariantError(error: Error, c: Context) {
    if (isDomainError(error)) {
      if (error.status === 401) {
        c.header('WWW-Authenticate', bearerChallenge(hasBearerToken(c.req.header('authorization'))));
      }
      return c.json(errorBody(variant, error.status, error.message), error.status);
    }
    if (error instanceof HTTPException) {
      const { status, msg } = frameworkMessage(error);
      // The rest of an oversized body is never read: close the connection instead of letting a
      // client reuse a socket whose request stream is still half sent.
      if (status === 413) c.header('Connection', 'close');
      return c.json(errorBody(variant, status, msg), status as 400);
    }
    const log = (c.get('log') as Logger | undefined) ?? fallbackLog;
    log.error({ err: error, path: c.req.path }, 'unexpected error');
    return c.json(errorBody(variant, 500, 'internal server error'), 500);
  };
}
