import { startGateway } from '../../../src/cli/serve.ts';
import { loadConfig } from '../../../src/config/index.ts';

/** Our gateway for the suite: embedded store in memory, ephemeral port, plus an admin token. */
export interface TestGateway {
  readonly url: string;
  readonly adminToken: string;
  close(): Promise<void>;
}

/** Starts the real gateway in-process (tests may import `src/`; `conformance/` never does). */
export async function startTestGateway(env: NodeJS.ProcessEnv = {}): Promise<TestGateway> {
  const config = loadConfig({ PORT: '0', DATA_DIR: 'memory', LOG_LEVEL: 'silent', ...env });
  const gateway = await startGateway(config);
  if (!gateway.mintToken) {
    await gateway.close();
    throw new Error('the test gateway signs with a secret, so it must mint tokens');
  }
  const { token } = await gateway.mintToken({ sub: 'admin', admin: true, ttlSeconds: 3600 });
  return { url: gateway.url, adminToken: token, close: () => gateway.close() };
}
