import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv, HandlerTable, OperationMap } from './operation-table.ts';
import { type ErasedHandler, withResponseValidation } from './response-validation.ts';

/** What the registration loop wraps around every operation. */
export interface RegisterOptions {
  /** Runs before validation on operations that need a bearer token (`security` not `[]`). */
  readonly authenticated: readonly MiddlewareHandler<GatewayEnv>[];
  /** Runs before validation on every operation (body limit). */
  readonly always: readonly MiddlewareHandler<GatewayEnv>[];
  readonly validateResponses: boolean;
}

type ErasedOpenapi = (route: RouteConfig, handler: ErasedHandler) => unknown;

function isPublic(route: RouteConfig): boolean {
  return Array.isArray(route.security) && route.security.length === 0;
}

/**
 * Mounts one route per operationId with its handler: middleware, then request validation (the
 * app's `defaultHook` renders failures), then the handler. The typed table already guarantees a
 * one-to-one match at compile time; the run-time check covers tables built dynamically.
 */
export function registerOperations<Ops extends OperationMap>(
  app: OpenAPIHono<GatewayEnv>,
  operations: Ops,
  handlers: HandlerTable<Ops>,
  options: RegisterOptions,
): void {
  const table = handlers as unknown as Record<string, ErasedHandler | undefined>;
  const extra = Object.keys(table).filter((id) => !(id in operations));
  if (extra.length > 0) throw new Error(`handlers without an operation: ${extra.join(', ')}`);
  const openapi = app.openapi.bind(app) as unknown as ErasedOpenapi;
  for (const [operationId, route] of Object.entries(operations)) {
    const handler = table[operationId];
    if (!handler) throw new Error(`operation ${operationId} has no handler`);
    const middleware = [...(isPublic(route) ? [] : options.authenticated), ...options.always];
    const wrapped = options.validateResponses ? withResponseValidation(operationId, route, handler) : handler;
    openapi({ ...route, middleware }, wrapped);
  }
}
