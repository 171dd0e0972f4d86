import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { MAX_SOCKET_PATH_BYTES } from '../embedded-mongo/listen-address.ts';
import { startEmbeddedMongo } from '../embedded-mongo/server.ts';

/** Where the gateway's MongoDB is, and how to stop the embedded one when it was started here. */
export interface MongoTarget {
  readonly uri: string;
  readonly embedded: boolean;
  close(): Promise<void>;
}

/** A directory only this user can enter, holding the embedded store's socket. */
interface SocketDir {
  readonly path: string;
  /** Removes the directory when it was made for this run (memory mode, or a too-long DATA_DIR). */
  release(): void;
}

/**
 * `<DATA_DIR>/run` (0700), or a fresh private temporary directory in memory mode or when the data
 * directory's path would make the socket path longer than the system allows.
 */
function socketDir(dataDir: string | undefined, log: Logger): SocketDir {
  if (dataDir !== undefined) {
    const run = join(dataDir, 'run');
    if (Buffer.byteLength(join(run, 'mongo.sock')) <= MAX_SOCKET_PATH_BYTES) {
      fs.mkdirSync(run, { recursive: true, mode: 0o700 });
      fs.chmodSync(run, 0o700);
      return { path: run, release() {} };
    }
    log.warn(
      { dataDir },
      'DATA_DIR is too long for a socket path; the socket lives in a private temporary directory',
    );
  }
  const temp = fs.mkdtempSync(join(os.tmpdir(), 'imgate-store-'));
  return { path: temp, release: () => fs.rmSync(temp, { recursive: true, force: true }) };
}

/**
 * `MONGODB_URI` when set; otherwise the embedded server, persisting to `<DATA_DIR>/mongo` (or in
 * memory when `DATA_DIR=memory`). The embedded server has no authentication, so it listens on a
 * Unix domain socket (0600, in a 0700 directory) instead of TCP: no other local user can reach it.
 * The driver connects through `mongodb://<url-encoded socket path>`.
 */
export async function mongoTarget(config: Config, logger: Logger): Promise<MongoTarget> {
  if (config.mongodbUri) return { uri: config.mongodbUri, embedded: false, close: async () => {} };
  const log = logger.child({ component: 'embedded-mongo' });
  const dir = socketDir(config.dataDir, log);
  const socketPath = join(dir.path, 'mongo.sock');
  const server = await startEmbeddedMongo({
    socketPath,
    ...(config.dataDir ? { dataDir: join(config.dataDir, 'mongo') } : {}),
    logger: { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) },
  }).catch((error: unknown) => {
    dir.release();
    throw error;
  });
  log.info({ socketPath, dataDir: config.dataDir ?? 'memory' }, 'embedded MongoDB-compatible server started');
  return {
    uri: server.uri,
    embedded: true,
    async close() {
      await server.close();
      dir.release();
    },
  };
}
