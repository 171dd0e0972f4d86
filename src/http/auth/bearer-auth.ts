import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../operation-table.ts';
import type { Authenticate } from './authenticator.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * `Authorization: Bearer <JWT>` -> `c.var.actor`. Failures throw `DomainError('unauthenticated')`,
 * which the variant's error handler renders as its 401 body.
 */
export function bearerAuth(authenticate: Authenticate): MiddlewareHandler<GatewayEnv> {
  return async function bearerAuth(c, next) {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    c.set('actor', await authenticate(match?.[1] ?? ''));
    await next();
  };
}
