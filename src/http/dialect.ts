import type { OpenAPIHono } from '@hono/zod-openapi';
import type { GatewayEnv, HandlerTable, OperationMap } from './operation-table.ts';
import { type RegisterOptions, registerOperations } from './register-operations.ts';
import type { Variant } from './variants.ts';

/** A variant's handler table paired with its generated operations, ready to mount. */
export interface DialectMount {
  readonly variant: Variant;
  /** Registers every operation on the variant's app. */
  register(app: OpenAPIHono<GatewayEnv>, options: RegisterOptions): void;
}

/**
 * Pairs `<variant>Operations` (src/generated/<variant>/operations.ts) with `<variant>Handlers`
 * (src/dialects/<variant>/index.ts); the types must match operation for operation.
 */
export function defineDialect<Ops extends OperationMap>(
  variant: Variant,
  operations: Ops,
  handlers: HandlerTable<Ops>,
): DialectMount {
  return {
    variant,
    register(app, options) {
      registerOperations(app, operations, handlers, options);
    },
  };
}
