import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import type { Actor } from '../../src/domain/actor.ts';
import type { DomainEvent } from '../../src/domain/events.ts';
import { attachPushHub, type PushHub, type PushHubDeps, type PushLogger } from '../../src/push/index.ts';

/** A logger that keeps quiet; tests read `stats()` instead. */
export const silentLogger: PushLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** Tokens of the form `tok-<userId>` are valid; anything else is refused. */
export async function fakeAuthenticate(token: string): Promise<Actor> {
  if (!token.startsWith('tok-')) throw new Error('bad token');
  return { userId: token.slice(4), isAdmin: false };
}

/** An in-process publisher with a subscribe function, standing in for the bus. */
export function createPublisher() {
  const listeners = new Set<(event: DomainEvent) => void>();
  return {
    subscribe: (listener: (event: DomainEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish: (event: DomainEvent) => {
      for (const listener of listeners) listener(event);
    },
  };
}

let nextNum = 1;

/** A `message.sent` event with fresh numbers; override any field. */
export function sentEvent(audience: readonly string[], overrides: Partial<DomainEvent> = {}): DomainEvent {
  const num = nextNum++;
  return {
    kind: 'message.sent',
    chatId: 's_0000000000000001',
    chatNum: 7,
    actorId: audience[0] ?? 'alice',
    actorNum: 1,
    messageNum: num,
    sequence: num,
    at: 1_713_844_846_080 + num,
    audience,
    ...overrides,
  } as DomainEvent;
}

export interface HubHarness {
  server: Server;
  hub: PushHub;
  url: string;
  publish(event: DomainEvent): void;
  close(): Promise<void>;
}

/** A real node http server on loopback with the hub attached. */
export async function startHub(overrides: Partial<PushHubDeps> = {}): Promise<HubHarness> {
  const publisher = createPublisher();
  const server = createServer((_req, res) => res.writeHead(404).end());
  const hub = attachPushHub(server, {
    authenticate: fakeAuthenticate,
    events: publisher.subscribe,
    logger: silentLogger,
    ...overrides,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    hub,
    url: `ws://127.0.0.1:${port}`,
    publish: publisher.publish,
    async close() {
      await hub.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A client that records every text frame it receives, parsed. */
export interface RecordingClient {
  ws: WebSocket;
  messages: unknown[];
  /** Resolves once `count` messages arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<unknown[]>;
  closed: Promise<{ code: number; reason: string }>;
}

export async function connect(url: string, options: ConstructorParameters<typeof WebSocket>[2] = {}) {
  const ws = new WebSocket(url, options);
  const messages: unknown[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse((data as Buffer).toString('utf8')));
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const client: RecordingClient = {
    ws,
    messages,
    closed,
    waitFor(count, timeoutMs = 2_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`got ${messages.length}/${count} messages`)),
          timeoutMs,
        );
        function check(): void {
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve(messages);
          } else waiters.push(check);
        }
        check();
      });
    },
  };
  return client;
}

/** Lets in-flight frames arrive before asserting that nothing did. */
export function settle(ms = 100): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
