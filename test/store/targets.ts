import { randomBytes } from 'node:crypto';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';

/**
 * The servers the store contract runs against: the embedded server always, as a standalone and
 * as a single-node replica set (change streams), and the MongoDB at `MONGODB_URI` when it is set.
 * Every `open()` gets a fresh database so tests never share state.
 */
export interface StoreTarget {
  readonly name: string;
  start(): Promise<{ open(): Promise<Store>; stop(): Promise<void> }>;
}

function freshDbName(): string {
  return `imgate_test_${randomBytes(6).toString('hex')}`;
}

function targetAt(uri: string, stopServer: () => Promise<void>) {
  const opened: Store[] = [];
  return {
    async open() {
      const store = await openStore({ uri, dbName: freshDbName(), numberBlockSize: 50 });
      opened.push(store);
      return store;
    },
    async stop() {
      for (const store of opened) {
        await store.db.dropDatabase().catch(() => undefined);
        await store.close();
      }
      await stopServer();
    },
  };
}

export const embeddedTarget: StoreTarget = {
  name: 'embedded standalone',
  async start() {
    const server = await startEmbeddedMongo({ port: 0 });
    return targetAt(server.uri, () => server.close());
  },
};

export const embeddedReplicaSetTarget: StoreTarget = {
  name: 'embedded replica set',
  async start() {
    const server = await startEmbeddedMongo({ port: 0, replicaSet: 'rs0' });
    return targetAt(server.uri, () => server.close());
  },
};

/** Every target available in this environment. */
export function storeTargets(): StoreTarget[] {
  const uri = process.env.MONGODB_URI;
  const embedded = [embeddedTarget, embeddedReplicaSetTarget];
  if (!uri) return embedded;
  return [...embedded, { name: 'MONGODB_URI', start: async () => targetAt(uri, async () => undefined) }];
}
