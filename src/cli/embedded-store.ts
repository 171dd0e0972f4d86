import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { startEmbeddedMongo } from '../embedded-mongo/server.ts';

/** Where the gateway's MongoDB is, and how to stop the embedded one when it was started here. */
export interface MongoTarget {
  readonly uri: string;
  readonly embedded: boolean;
  close(): Promise<void>;
}

/**
 * `MONGODB_URI` when set; otherwise the embedded server on an ephemeral loopback port, persisting to
 * `<DATA_DIR>/mongo` (or in memory when `DATA_DIR=memory`).
 */
export async function mongoTarget(config: Config, logger: Logger): Promise<MongoTarget> {
  if (config.mongodbUri) return { uri: config.mongodbUri, embedded: false, close: async () => {} };
  const log = logger.child({ component: 'embedded-mongo' });
  const server = await startEmbeddedMongo({
    port: 0,
    ...(config.dataDir ? { dataDir: join(config.dataDir, 'mongo') } : {}),
    logger: { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) },
  });
  log.info(
    { uri: server.uri, dataDir: config.dataDir ?? 'memory' },
    'embedded MongoDB-compatible server started',
  );
  return { uri: server.uri, embedded: true, close: () => server.close() };
}
