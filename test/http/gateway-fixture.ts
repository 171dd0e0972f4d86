import pino from 'pino';
import { type RunningGateway, startGateway } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/config/index.ts';
import type { DialectMount } from '../../src/http/dialect.ts';

/** The shared secret of every test gateway (HS256). */
export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** A test gateway on an ephemeral 127.0.0.1 port over an in-memory embedded store. */
export interface TestGateway {
  readonly gateway: RunningGateway;
  readonly url: string;
  /** Signs a token with the gateway's secret. */
  token(sub: string, options?: { admin?: boolean; ttlSeconds?: number }): Promise<string>;
  /** `fetch` against the gateway with JSON defaults and an optional bearer token. */
  call(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/** Starts a real gateway (HTTP + push) as `imgate serve` would, quiet and on port 0. */
export async function startTestGateway(
  env: Record<string, string> = {},
  dialects?: readonly DialectMount[],
): Promise<TestGateway> {
  // No sandbox unless a test asks for it (IMGATE_SANDBOX=auto): most tests provision their own users.
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: 'memory',
    JWT_SECRET: TEST_SECRET,
    IMGATE_SANDBOX: 'off',
    ...env,
  });
  const gateway = await startGateway(config, {
    logger: pino({ level: 'silent' }),
    ...(dialects ? { dialects } : {}),
  });
  const mint = gateway.mintToken;
  return {
    gateway,
    url: gateway.url,
    async token(sub, options = {}) {
      if (!mint) throw new Error('this test gateway verifies through JWKS_URL: its identity provider mints');
      return (await mint({ sub, admin: options.admin ?? false, ttlSeconds: options.ttlSeconds ?? 600 }))
        .token;
    },
    call(path, init = {}) {
      const { token, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${gateway.url}${path}`, {
        ...rest,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json), method: rest.method ?? 'POST' } : {}),
      });
    },
    close: () => gateway.close(),
  };
}
