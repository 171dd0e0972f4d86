import { startTestGateway as startGatewayFixture } from '../../http/gateway-fixture.ts';

/** Our gateway for the suite: embedded store in memory, ephemeral port, plus an admin token. */
export interface TestGateway {
  readonly url: string;
  readonly adminToken: string;
  close(): Promise<void>;
}

/** Starts the real gateway in-process (tests may import `src/`; `conformance/` never does). */
export async function startTestGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const gateway = await startGatewayFixture(env);
  const adminToken = await gateway.token('admin', { admin: true, ttlSeconds: 3600 });
  return { url: gateway.url, adminToken, close: () => gateway.close() };
}
