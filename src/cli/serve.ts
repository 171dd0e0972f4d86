import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { createDomain } from '../domain/create-domain.ts';
import { createApp } from '../http/app.ts';
import {
  createAuthenticator,
  createTokenMinter,
  type MintToken,
  resolveSigningKey,
} from '../http/auth/index.ts';
import { answerClientErrors } from '../http/client-error.ts';
import type { DialectMount } from '../http/dialect.ts';
import { attachPushHub, createEventBus } from '../push/index.ts';
import { SANDBOX_USERS, seedSandbox } from '../sandbox/index.ts';
import { createEventLogPublisher, openStore, type StoreOptions } from '../store/index.ts';
import { mongoTarget } from './embedded-store.ts';

/** A running gateway: HTTP + push on one port, over MongoDB (embedded or `MONGODB_URI`). */
export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Signs tokens with the gateway's secret; undefined in JWKS mode. */
  readonly mintToken: MintToken | undefined;
  /** Stops accepting, closes push, the store and the embedded server (which flushes). */
  close(): Promise<void>;
}

function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  config: Config,
): Promise<Server> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(server as Server),
    );
    answerClientErrors(server as Server);
  });
}

/** Optional parts of `startGateway`, for tests. */
export interface GatewayOptions {
  readonly logger?: Logger;
  /** Replaces the built-in handler tables (see `AppDeps.dialects`). */
  readonly dialects?: readonly DialectMount[];
  /** Sees every store command (tests and `bench/commands` count them per operation). */
  readonly onStoreCommand?: StoreOptions['onCommand'];
}

/**
 * Wires config -> signing key -> MongoDB -> store -> domain -> HTTP app -> node server -> push hub.
 * Tests call it with `port: 0` and `DATA_DIR=memory`; `imgate serve` calls it from `main.ts`.
 */
export async function startGateway(config: Config, options: GatewayOptions = {}): Promise<RunningGateway> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const key = await resolveSigningKey(config);
  const authenticate = createAuthenticator(key);
  const mintToken = key.kind === 'secret' ? createTokenMinter(key.secret) : undefined;
  const mongo = await mongoTarget(config, logger);
  const store = await openStore({
    uri: mongo.uri,
    dbName: config.mongodbDb,
    ...(options.onStoreCommand ? { onCommand: options.onStoreCommand } : {}),
  }).catch(async (error: unknown) => {
    await mongo.close();
    throw error;
  });
  const domain = createDomain({ store, events: createEventLogPublisher(store.events) });
  if (config.sandbox && (await seedSandbox(domain))) {
    logger.info('created the development sandbox (docs/sandbox.md; IMGATE_SANDBOX=off disables it)');
  }
  const app = createApp({
    config,
    domain,
    authenticate,
    mintToken: config.mode === 'production' ? undefined : mintToken,
    logger,
    ...(options.dialects ? { dialects: options.dialects } : {}),
    ...(config.sandbox ? { sandboxUsers: SANDBOX_USERS } : {}),
    ready: async () => {
      await store.db.command({ ping: 1 });
    },
  });
  const server = await listen(app, config);
  const pushLog = logger.child({ component: 'push' });
  pushLog.info(
    { eventFeed: store.eventFeed },
    store.eventFeed === 'change-stream'
      ? 'push bus: sharing events through change streams (replica set or sharded cluster)'
      : 'push bus: sharing events by tailing the capped events collection (standalone server)',
  );
  const bus = createEventBus(store.events, { logger: pushLog });
  const hub = attachPushHub(server, {
    async authenticate(token) {
      const actor = await authenticate(token);
      await domain.provisioning.resolveSubscriber(actor);
      return actor;
    },
    events: bus,
    logger: pushLog,
    heartbeatMs: config.wsHeartbeatMs,
    queueLimit: config.wsQueueLimit,
    backlogBytes: config.wsBacklogBytes,
    maxPayload: config.wsMaxPayload,
    maxConnectionsPerUser: config.wsMaxConnectionsPerUser,
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    mintToken,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await hub.close();
        await bus.close();
        server.closeIdleConnections();
        await stopped;
        await store.close();
        await mongo.close();
      })();
      return closing;
    },
  };
}
