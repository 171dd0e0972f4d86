import type { RouteConfig } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import type { ZodType } from 'zod';
import type { GatewayEnv } from './operation-table.ts';

/** A handler with its route types erased, as the registration loop sees it. */
export type ErasedHandler = (c: Context<GatewayEnv>, next: Next) => unknown;

function isZodType(value: unknown): value is ZodType {
  return typeof value === 'object' && value !== null && 'safeParse' in value;
}

/** The JSON schema documented for one status of a route, if any. */
function responseSchema(route: RouteConfig, status: number): ZodType | undefined {
  const response = (route.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>)[
    String(status)
  ];
  const schema = response?.content?.['application/json']?.schema;
  return isZodType(schema) ? schema : undefined;
}

/**
 * Run-time response validation (`VALIDATE_RESPONSES=true`): a response whose body does not match the
 * schema documented for its status becomes a logged 500, so a contract drift is loud in staging.
 */
export function withResponseValidation(
  operationId: string,
  route: RouteConfig,
  handler: ErasedHandler,
): ErasedHandler {
  return async function validateResponse(c, next) {
    const response = (await handler(c, next)) as Response;
    const schema = responseSchema(route, response.status);
    if (!schema || !response.headers.get('content-type')?.includes('json')) return response;
    const result = schema.safeParse(await response.clone().json());
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`response ${response.status} of ${operationId} violates its schema: ${issues}`);
    }
    return response;
  };
}
