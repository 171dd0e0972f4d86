import fs from 'node:fs';
import net from 'node:net';
import { enableTestCommands } from './commands/fail-points.ts';
import { serveConnection } from './connection.ts';
import { CursorStore } from './cursors/cursor-store.ts';
import { ReplicaSet } from './replication/replica-set.ts';
import { type FsyncMode, openDataDir } from './storage/data-dir.ts';
import { type ListenAddress, listenOn, mongoUri } from './listen-address.ts';
import { Engine } from './storage/engine.ts';

/** The subset of a pino logger this server writes to. */
export interface EmbeddedMongoLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface EmbeddedMongoOptions {
  /** Interface to bind; loopback by default (there is no authentication). */
  host?: string;
  /** TCP port; 0 (the default) picks a free ephemeral port. */
  port?: number;
  /**
   * A Unix domain socket path to listen on instead of TCP (`host` and `port` are then ignored);
   * the file is made 0600, so only this user's processes can connect. It must end in `.sock`
   * (the driver recognises a socket host by it) and is removed on close.
   */
  socketPath?: string;
  /** Data directory (journal + snapshot); without it everything lives in memory. */
  dataDir?: string;
  /** `always` fsyncs every journal write; `never` (default) relies on the OS after a write(2). */
  fsync?: FsyncMode;
  /**
   * Runs as the primary of a single-node replica set of this name: `hello` reports the set and
   * `aggregate` serves `$changeStream` (docs/embedded-mongo.md "Replica-set mode").
   */
  replicaSet?: string;
  logger?: EmbeddedMongoLogger;
  /**
   * Enables mongod's test commands (`configureFailPoint` with the `failCommand` fail point), as
   * `mongod --setParameter enableTestCommands=1` does: for test suites, never for a gateway.
   */
  enableTestCommands?: boolean;
}

/** A running server. `close()` stops accepting, ends cursors and sockets, and flushes the store. */
export interface EmbeddedMongo {
  uri: string;
  port: number;
  /** The storage engine, for tests that need to look inside (e.g. documents examined). */
  engine: Engine;
  /**
   * Resets (TCP RST) every client connection while the server keeps running: what clients see of
   * a network failure (failover drills, tests of a driver's change-stream resume).
   */
  dropConnections(): void;
  close(): Promise<void>;
}

const silentLogger: EmbeddedMongoLogger = { info() {}, warn() {}, error() {} };

/**
 * Starts the embedded MongoDB-compatible server in this process: imgate runs it when no
 * MONGODB_URI is configured, tests run it on an ephemeral port, and the official driver
 * connects to `uri` exactly as it would to mongod.
 */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const logger = options.logger ?? silentLogger;
  if (options.replicaSet && options.socketPath) {
    // Drivers lower-case the member addresses a replica set reports, which breaks socket paths.
    throw new Error('replicaSet needs a TCP address: it cannot be combined with socketPath');
  }
  const address: ListenAddress = options.socketPath
    ? { kind: 'socket', path: options.socketPath }
    : { kind: 'tcp', host: options.host ?? '127.0.0.1', port: options.port ?? 0 };
  const store = options.dataDir
    ? openDataDir(options.dataDir, { fsync: options.fsync ?? 'never', logger })
    : { engine: new Engine(), close() {} };
  if (options.enableTestCommands) enableTestCommands(store.engine);
  const closing = new AbortController();
  const cursors = new CursorStore();
  const replicaSet = options.replicaSet ? new ReplicaSet(options.replicaSet) : undefined;
  store.engine.changeLog = replicaSet?.changeLog;
  const shared = {
    engine: store.engine,
    cursors,
    closing: closing.signal,
    startedAt: Date.now(),
    replicaSet,
  };
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer(function accept(socket) {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, shared, ++connections, (error) =>
      logger.warn(`embedded-mongo connection dropped: ${String(error)}`),
    );
  });
  try {
    await listenOn(server, address);
  } catch (error) {
    store.close();
    throw error;
  }
  const { uri: standaloneUri, port } = mongoUri(server, address);
  const uri = replicaSet ? replicaSet.servedAt(standaloneUri) : standaloneUri;
  const where = address.kind === 'socket' ? address.path : uri;
  logger.info(
    `embedded-mongo listening on ${where}${options.dataDir ? ` (data: ${options.dataDir})` : ' (in memory)'}${replicaSet ? ` as replica set ${replicaSet.setName}` : ''}`,
  );
  let closed: Promise<void> | undefined;
  return {
    uri,
    port,
    engine: store.engine,
    dropConnections() {
      for (const socket of sockets) socket.resetAndDestroy();
    },
    close() {
      closed ??= (async function shutdown() {
        closing.abort();
        cursors.closeAll();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await new Promise((resolve) => setImmediate(resolve));
        for (const socket of sockets) socket.destroy();
        await stopped;
        if (address.kind === 'socket') fs.rmSync(address.path, { force: true });
        store.close();
        logger.info('embedded-mongo stopped');
      })();
      return closed;
    },
  };
}
