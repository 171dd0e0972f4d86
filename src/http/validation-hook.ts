import type { Hook } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { errorBody } from './error-body.ts';
import type { GatewayEnv } from './operation-table.ts';
import type { Variant } from './variants.ts';

const MAX_ISSUES = 3;

/** `count: Too big: expected number to be <=50; target: Invalid input …` — names each field. */
export function describeIssues(error: ZodError): string {
  const parts = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - MAX_ISSUES;
  return more > 0 ? `${parts.join('; ')} (and ${more} more)` : parts.join('; ');
}

/**
 * The @hono/zod-openapi hook that runs after request validation and before the handler: a failure
 * becomes a 400 in the variant's own error body, never the framework's default body.
 */
export function validationHook(variant: Variant): Hook<unknown, GatewayEnv, string, Response | undefined> {
  return function renderValidationFailure(result, c) {
    if (result.success) return undefined;
    return c.json(errorBody(variant, 400, describeIssues(result.error)), 400);
  };
}
