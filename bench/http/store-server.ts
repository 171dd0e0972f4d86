import { createDomain } from '../../src/domain/create-domain.ts';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { createEventLogPublisher, openStore, type Store } from '../../src/store/index.ts';
import { CHAT, PEER, SENDER } from './gateway-fixture.ts';
import { type Fixture, PAGE } from './store-ops.ts';

/**
 * The store of the ceiling servers: the same embedded server (in memory, in this process, as the
 * gateway runs it), the same `openStore`, the same provisioning and seed as the gateway's.
 */
export async function startBenchStore(seed: number): Promise<{ store: Store; fixture: Fixture }> {
  const mongo = await startEmbeddedMongo({ port: 0 });
  const store = await openStore({ uri: mongo.uri, dbName: 'imgate' });
  const domain = createDomain({ store, events: createEventLogPublisher(store.events) });
  const admin = { userId: 'u_bench_admin', isAdmin: true };
  await domain.provisioning.createUser(admin, { id: SENDER });
  await domain.provisioning.createUser(admin, { id: PEER });
  await domain.provisioning.createChat(admin, {
    id: CHAT,
    type: 2,
    creatorId: SENDER,
    memberIds: [PEER],
    isEnc: 0,
  });
  const seeded = Math.max(seed, PAGE + 1);
  const sender = { userId: SENDER, isAdmin: false };
  for (let i = 0; i < seeded; i++) {
    await domain.messaging.send(sender, {
      to: { kind: 'chat', chatId: CHAT },
      clientId: `seed_${i}`,
      content: 'seeded message',
    });
  }
  return { store, fixture: { userId: SENDER, chatId: CHAT, seeded } };
}
