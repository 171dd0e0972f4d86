import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { DialectMount } from './dialect.ts';
import { variantErrorHandler } from './error-handler.ts';
import type { GatewayEnv } from './operation-table.ts';
import type { RegisterOptions } from './register-operations.ts';
import { validationHook } from './validation-hook.ts';

/**
 * Mounts one variant as its own app so that its validation failures (`defaultHook`) and its errors
 * (`onError`) render in the variant's body, whatever the other variants do.
 */
export function mountVariant(
  root: OpenAPIHono<GatewayEnv>,
  dialect: DialectMount,
  options: RegisterOptions,
  log: Logger,
): void {
  const app = new OpenAPIHono<GatewayEnv>({ defaultHook: validationHook(dialect.variant) });
  app.onError(variantErrorHandler(dialect.variant, log));
  dialect.register(app, options);
  root.route('/', app);
}
