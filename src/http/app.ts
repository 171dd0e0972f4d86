import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import type { ImDomain } from '../domain/index.ts';
import { type Authenticate, bearerAuth, type MintToken } from './auth/index.ts';
import { requestBodyLimit } from './body-limit.ts';
import type { DialectMount } from './dialect.ts';
import { gatewayDialects } from './dialects.ts';
import { mountDocs, type SandboxTokenUser } from './docs/index.ts';
import { errorBody } from './error-body.ts';
import { variantErrorHandler } from './error-handler.ts';
import { mountHealth } from './health.ts';
import { mountVariant } from './mount-variant.ts';
import type { GatewayEnv } from './operation-table.ts';
import { requestLogger } from './request-logger.ts';
import { variantOfPath } from './variants.ts';

/** Everything the HTTP app is built from, so tests can build it around any store. */
export interface AppDeps {
  readonly config: Config;
  readonly domain: ImDomain;
  readonly authenticate: Authenticate;
  /** Undefined in production and JWKS mode: `POST /admin/tokens` then answers 404. */
  readonly mintToken: MintToken | undefined;
  readonly logger: Logger;
  /** Resolves when the store answers a ping (`/readyz`). */
  readonly ready: () => Promise<void>;
  /** Replaces the built-in tables (admin + dialects); tests use it to mount a table of their own. */
  readonly dialects?: readonly DialectMount[];
  /** The development sandbox's users: `/docs` offers one-click tokens for them (with `mintToken`). */
  readonly sandboxUsers?: readonly SandboxTokenUser[];
}

/**
 * Assembles the gateway: request logging, CORS, the documents and Swagger UI, health, then every
 * variant's operations (auth -> body limit -> validation -> handler), each variant rendering its
 * own error bodies.
 */
export function createApp(deps: AppDeps): OpenAPIHono<GatewayEnv> {
  const { config, logger } = deps;
  const app = new OpenAPIHono<GatewayEnv>();
  app.use('*', requestLogger(logger));
  app.use('*', async function provideDomain(c, next) {
    c.set('domain', deps.domain);
    await next();
  });
  if (config.corsOrigins === '*' || config.corsOrigins.length > 0) {
    const origin = config.corsOrigins === '*' ? '*' : [...config.corsOrigins];
    app.use('*', cors({ origin, exposeHeaders: ['x-request-id'], maxAge: 600 }));
  }
  const { sandboxUsers, mintToken } = deps;
  mountDocs(app, sandboxUsers && mintToken ? { sandbox: { users: sandboxUsers, mintToken } } : {});
  mountHealth(app, deps.ready);
  const options = {
    authenticated: [bearerAuth(deps.authenticate)],
    always: [requestBodyLimit(config.bodyLimit)],
    validateResponses: config.validateResponses,
  };
  for (const dialect of deps.dialects ?? gatewayDialects(deps.mintToken)) {
    mountVariant(app, dialect, options, logger);
  }
  app.notFound((c) => {
    const variant = variantOfPath(c.req.path);
    return c.json(errorBody(variant, 404, `no operation ${c.req.method} ${c.req.path}`), 404);
  });
  app.onError((error, c) => variantErrorHandler(variantOfPath(c.req.path), logger)(error, c));
  return app;
}
