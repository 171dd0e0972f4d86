import type { Config } from '../config/index.ts';
import { type RunningGateway, startGateway } from './serve.ts';

/**
 * `imgate serve`: starts the gateway, prints where it listens (and, with a generated secret, an
 * admin token as Jupyter does), and shuts down gracefully on SIGINT/SIGTERM.
 */
export async function runServeCommand(config: Config): Promise<RunningGateway> {
  const gateway = await startGateway(config);
  console.log(`imgate listening on ${gateway.url} (docs: ${gateway.url}/docs)`);
  if (!config.jwtSecret && !config.jwksUrl && gateway.mintToken) {
    const { token } = await gateway.mintToken({ sub: 'admin', admin: true, ttlSeconds: 86_400 });
    console.log(`admin token (24 h; mint more with \`imgate token <user> [--admin]\`):\n  ${token}`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return gateway;
}
