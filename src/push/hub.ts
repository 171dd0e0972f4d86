import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Actor } from '../domain/actor.ts';
import { isDomainError } from '../domain/errors.ts';
import type { DomainEvent } from '../domain/events.ts';
import { CloseCode } from './close-codes.ts';
import { consumeFeed } from './event-feed.ts';
import { notePong, startHeartbeat } from './heartbeat.ts';
import { PushConnection } from './push-connection.ts';
import { EncodedEvent, type PushFormat } from './push-format.ts';
import { PUSH_LIMIT_DEFAULTS, type PushHub, type PushHubDeps } from './hub-options.ts';
import { ConnectionRegistry } from './registry.ts';
import { PUSH_PATH, readPushUpgrade, refuseUpgrade } from './upgrade-request.ts';
import { WriteBatch } from './write-batch.ts';

export type { PushHub, PushHubDeps, PushHubStats } from './hub-options.ts';

/**
 * Serves the push channel of `asyncapi/push.yaml` on `server`: WebSocket upgrades on `/ws` only
 * (any other path gets 404 and its socket is closed: the hub owns every upgrade of `server`),
 * authenticated before any socket is opened (401 otherwise), each event of `deps.events` encoded
 * once per format and sent to every connection of every user in its `audience`.
 */
export function attachPushHub(server: Server, deps: PushHubDeps): PushHub {
  const heartbeatMs = deps.heartbeatMs ?? 30_000;
  const queueLimit = deps.queueLimit ?? 1024;
  const closeGraceMs = deps.closeGraceMs ?? 1_000;
  const backlogBytes = deps.backlogBytes ?? PUSH_LIMIT_DEFAULTS.backlogBytes;
  const maxPerUser = deps.maxConnectionsPerUser ?? PUSH_LIMIT_DEFAULTS.maxConnectionsPerUser;
  const { logger } = deps;
  // Client frames carry nothing the hub reads (pongs aside), so a small `maxPayload` keeps a client
  // from making the server buffer a huge frame: ws closes such a connection with 1009 (message too big).
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    clientTracking: false,
    maxPayload: deps.maxPayload ?? PUSH_LIMIT_DEFAULTS.maxPayload,
  });
  const registry = new ConnectionRegistry();
  const counters = { eventsReceived: 0, framesSent: 0, slowConsumers: 0, heartbeatTimeouts: 0, refused: 0 };
  let closing = false;

  const connectionOptions = {
    queueLimit,
    backlogBytes,
    closeGraceMs,
    onSlowConsumer(connection: PushConnection) {
      counters.slowConsumers += 1;
      registry.remove(connection);
      logger.warn(
        { userId: connection.userId, queueLimit, backlogBytes },
        'push: slow consumer closed (4429)',
      );
    },
  };

  const batch = new WriteBatch();

  function deliver(event: DomainEvent): void {
    counters.eventsReceived += 1;
    const encoded = new EncodedEvent(event);
    for (const userId of event.audience) {
      for (const connection of registry.connectionsOf(userId)) {
        batch.add(connection);
        if (connection.send(encoded.frame(connection.format))) counters.framesSent += 1;
      }
    }
  }

  function accept(req: IncomingMessage, socket: Duplex, head: Buffer, actor: Actor, format: PushFormat) {
    wss.handleUpgrade(req, socket, head, function onUpgraded(ws) {
      const connection = new PushConnection(ws, socket, actor.userId, format, connectionOptions);
      if (closing) {
        connection.close(CloseCode.shutdown, 'server shutdown', closeGraceMs);
        return;
      }
      registry.add(connection);
      ws.on('pong', (data) => notePong(connection, data));
      ws.on('message', () => notePong(connection));
      ws.on('error', function onProtocolError(error) {
        logger.debug({ err: error, userId: actor.userId }, 'push: socket error, connection dropped');
        registry.remove(connection);
        connection.closeAfterError(closeGraceMs);
      });
      ws.on('close', () => registry.remove(connection));
    });
  }

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const request = readPushUpgrade(req);
    socket.on('error', ignoreSocketError);
    if (request === null) return refuse(socket, 404, `no WebSocket endpoint here; use ${PUSH_PATH}`);
    if (closing) return refuse(socket, 503, 'server shutting down');
    if (request.format === null) return refuse(socket, 400, 'unknown format; use seed or canonical');
    if (request.token === null) return refuse(socket, 401, 'missing bearer token');
    let actor: Actor;
    try {
      actor = await deps.authenticate(request.token);
    } catch (error) {
      // A domain `forbidden` (e.g. a disabled user) is told apart; any other failure is a bad token.
      const forbidden = isDomainError(error) && error.status === 403;
      logger.debug({ err: error }, 'push: upgrade refused, token not accepted');
      const message = isDomainError(error) ? error.message : 'invalid bearer token';
      return refuse(socket, forbidden ? 403 : 401, message, true);
    }
    if (socket.destroyed) return;
    if (registry.connectionsOf(actor.userId).size >= maxPerUser) {
      return refuse(socket, 429, `too many connections for this user (at most ${maxPerUser})`);
    }
    socket.off('error', ignoreSocketError);
    accept(req, socket, head, actor, request.format);
  }

  function refuse(socket: Duplex, status: number, message: string, tokenPresented = false): void {
    counters.refused += 1;
    refuseUpgrade(socket, status, message, tokenPresented);
  }

  function onUpgradeEvent(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    onUpgrade(req, socket, head).catch(function upgradeFailed(error: unknown) {
      logger.error({ err: error }, 'push: upgrade failed');
      refuse(socket, 500, 'internal error');
    });
  }

  server.on('upgrade', onUpgradeEvent);
  const stopHeartbeat = startHeartbeat(
    heartbeatMs,
    () => registry.all(),
    function onHeartbeatTimeout(connection) {
      counters.heartbeatTimeouts += 1;
      registry.remove(connection);
    },
  );
  const stopFeed = consumeFeed(deps.events, deliver, logger);

  return {
    async close() {
      if (closing) return;
      closing = true;
      server.off('upgrade', onUpgradeEvent);
      stopHeartbeat();
      await stopFeed();
      batch.flush();
      const connections = [...registry.all()];
      await Promise.all(connections.map((connection) => closeForShutdown(connection, closeGraceMs)));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
    stats() {
      let bufferedBytes = 0;
      for (const connection of registry.all()) bufferedBytes += connection.ws.bufferedAmount;
      return {
        connections: registry.connections,
        users: registry.users,
        eventsReceived: counters.eventsReceived,
        framesSent: counters.framesSent,
        slowConsumersClosed: counters.slowConsumers,
        heartbeatTimeouts: counters.heartbeatTimeouts,
        refusedUpgrades: counters.refused,
        bufferedBytes,
      };
    },
  };
}

/** Closes with 1001 and resolves once the socket is closed (destroyed after the grace at the latest). */
function closeForShutdown(connection: PushConnection, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (connection.ws.readyState === connection.ws.CLOSED) return resolve();
    connection.ws.once('close', () => resolve());
    connection.close(CloseCode.shutdown, 'server shutdown', graceMs);
  });
}

function ignoreSocketError(): void {}
