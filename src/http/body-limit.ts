import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { GatewayEnv } from './operation-table.ts';

/**
 * `BODY_LIMIT` enforcement (hono `bodyLimit`): a larger body throws a 413 that the variant's error
 * handler renders in the variant's body.
 */
export function requestBodyLimit(maxSize: number): MiddlewareHandler<GatewayEnv> {
  return bodyLimit({
    maxSize,
    onError: function bodyTooLarge() {
      throw new HTTPException(413, { message: `request body exceeds ${maxSize} bytes` });
    },
  });
}
