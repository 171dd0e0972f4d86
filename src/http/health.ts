import type { Hono } from 'hono';
import type { GatewayEnv } from './operation-table.ts';

/**
 * `/healthz`: the process answers (liveness). `/readyz`: the store answers a ping (readiness), so
 * a load balancer stops routing to an instance that lost its database.
 */
export function mountHealth(app: Hono<GatewayEnv>, ready: () => Promise<void>): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await ready();
      return c.json({ status: 'ready' });
    } catch (error) {
      c.var.log.warn({ err: error }, 'readiness check failed');
      return c.json({ status: 'unavailable' }, 503);
    }
  });
}
