import type { Hono } from 'hono';
import type { MintToken } from '../auth/index.ts';
import type { GatewayEnv } from '../operation-table.ts';

/** A user of the development sandbox, offered as a one-click token on `/docs`. */
export interface SandboxTokenUser {
  readonly id: string;
  readonly name: string;
  /** What the user is for in the examples, shown as the button's tooltip. */
  readonly role: string;
}

/** Lifetime of a one-click sandbox token. */
export const SANDBOX_TOKEN_TTL_SECONDS = 3600;

/**
 * `GET /docs/sandbox-tokens`: fresh one-hour tokens for the sandbox users, for the docs page's
 * one-click Authorize. Mounted only in development mode with the sandbox on (never administrator
 * tokens: those stay with whoever started the gateway).
 */
export function mountSandboxTokens(
  app: Hono<GatewayEnv>,
  users: readonly SandboxTokenUser[],
  mintToken: MintToken,
): void {
  app.get('/docs/sandbox-tokens', async function sandboxTokens(c) {
    const tokens = await Promise.all(
      users.map(async (user) => ({
        ...user,
        token: (await mintToken({ sub: user.id, admin: false, ttlSeconds: SANDBOX_TOKEN_TTL_SECONDS })).token,
      })),
    );
    return c.json({ users: tokens }, 200, { 'cache-control': 'no-store' });
  });
}
