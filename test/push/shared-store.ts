import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Actor } from '../../src/domain/actor.ts';
import { createDomain, type ImDomain } from '../../src/domain/index.ts';
import { startEmbeddedMongo } from '../../src/embedded-mongo/server.ts';
import { attachPushHub, createEventBus, type EventBus, type PushHub } from '../../src/push/index.ts';
import { createEventLogPublisher, openStore, type Store } from '../../src/store/index.ts';
import { fakeAuthenticate, silentLogger } from './fixtures.ts';

/** One gateway instance as push sees it: its own store connection, domain, bus and hub. */
export interface PushInstance {
  store: Store;
  domain: ImDomain;
  bus: EventBus<string>;
  hub: PushHub;
  url: string;
  close(): Promise<void>;
}

export const ADMIN: Actor = { userId: 'root', isAdmin: true };

/** Starts an instance on `uri`: the domain publishes to the shared event log, the hub tails it. */
export async function startInstance(uri: string, dbName: string): Promise<PushInstance> {
  const store = await openStore({ uri, dbName });
  const domain = createDomain({ store, events: createEventLogPublisher(store.events) });
  const bus = createEventBus(store.events, { logger: silentLogger, initialBackoffMs: 20 });
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  const hub = attachPushHub(server, { authenticate: fakeAuthenticate, events: bus, logger: silentLogger });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    store,
    domain,
    bus,
    hub,
    url: `ws://127.0.0.1:${port}`,
    async close() {
      await hub.close();
      await bus.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}

/**
 * Starts the embedded MongoDB in memory (as a single-node replica set when `replicaSet` names
 * one); several instances then share it as they would a real one.
 */
export async function startSharedStore(replicaSet?: string) {
  return startEmbeddedMongo(replicaSet ? { replicaSet } : {});
}

/**
 * Waits until every instance's bus tails the log: every instance appends probe events (audience
 * empty, so nobody receives them) until each bus has seen one of another instance's after the
 * wait began (its `lastId` changed; a bus reads its own events from its store directly).
 */
export async function waitUntilTailing(
  instances: readonly PushInstance[],
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  if (instances.length < 2) return;
  const probe = {
    kind: 'message.sent',
    chatId: 'probe',
    chatNum: 1,
    actorId: 'probe',
    actorNum: 1,
    messageNum: 1,
    sequence: 1,
    at: 0,
    audience: [],
  } as const;
  const before = instances.map((instance) => instance.bus.lastId);
  while (Date.now() < deadline) {
    await Promise.all(instances.map((instance) => instance.store.events.appendEvent(probe)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (
      instances.every((instance, i) => instance.bus.lastId !== undefined && instance.bus.lastId !== before[i])
    )
      return;
  }
  throw new Error('event buses did not start tailing in time');
}
