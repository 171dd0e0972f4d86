import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Actor, ImDomain } from '../domain/index.ts';

/**
 * What every handler finds in its context, set by the gateway before the handler runs:
 * `c.var.actor` (the authenticated caller), `c.var.domain` (the services of `src/domain/`) and
 * `c.var.log` (the request's pino logger).
 */
export interface GatewayVariables {
  actor: Actor;
  domain: ImDomain;
  log: Logger;
}

/** The Hono environment of every variant app. */
export interface GatewayEnv {
  Variables: GatewayVariables;
}

/** A generated `<doc>Operations` map (`src/generated/<doc>/operations.ts`): operationId -> route. */
export type OperationMap = { readonly [operationId: string]: RouteConfig };

/**
 * One handler per operationId of a document, typed by its route (validated input via
 * `c.req.valid('json' | 'form' | 'param' | 'query')`, typed `c.json(body, status)`).
 * Used with `satisfies`, an operation without a handler or a handler without an operation is a
 * compile error:
 *
 * ```ts
 * export const imchatHandlers = { imchatSend: async (c) => …, … } satisfies HandlerTable<typeof imchatOperations>;
 * ```
 *
 * Handlers report failures by throwing `DomainError`; the gateway renders the variant's error body.
 */
export type HandlerTable<Ops extends OperationMap> = {
  readonly [OperationId in keyof Ops]: RouteHandler<Ops[OperationId], GatewayEnv>;
};
