import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { GatewayEnv } from './operation-table.ts';

/**
 * One structured pino line per request (method, path, status, duration) and a per-request child
 * logger in `c.var.log`, tagged with `x-request-id` (echoed, or generated).
 */
export function requestLogger(logger: Logger): MiddlewareHandler<GatewayEnv> {
  return async function requestLogger(c, next) {
    const requestId = c.req.header('x-request-id') || randomUUID();
    const log = logger.child({ reqId: requestId });
    c.set('log', log);
    c.header('x-request-id', requestId);
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request');
  };
}
