import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDomain, type ImDomain } from '../../src/domain/index.ts';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';

/**
 * Two gateway instances (each its own driver, store and domain with its caches) over one store:
 * a member removed through A has no access through B at B's very next request — the caches hold
 * only facts that never change (user numbers; chat number, type, creator), so the staleness bound
 * is zero (docs/hot-path.md "Caches").
 */
describe('membership across two instances', () => {
  let mongo: Awaited<ReturnType<typeof startEmbeddedMongo>>;
  const stores: Store[] = [];
  let a: ImDomain;
  let b: ImDomain;
  const admin = { userId: 'root', isAdmin: true };
  const bob = { userId: 'bob', isAdmin: false };

  beforeAll(async () => {
    mongo = await startEmbeddedMongo({ port: 0 });
    for (let i = 0; i < 2; i += 1) stores.push(await openStore({ uri: mongo.uri, dbName: 'two_instances' }));
    const [first, second] = stores.map((store) =>
      createDomain({ store, events: { publish: async () => undefined } }),
    );
    if (!first || !second) throw new Error('no instances');
    [a, b] = [first, second];
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await mongo.close();
  });

  it('refuses a removed member on the other instance at once: send, read, ack, detail', async () => {
    for (const id of ['alice', 'bob']) await a.provisioning.createUser(admin, { id });
    const group = await a.provisioning.createChat(admin, { type: 2, creatorId: 'alice', memberIds: ['bob'] });
    const to = { kind: 'chat' as const, chatId: group.id };
    // B serves bob first, so whatever B caches about the chat and its users is warm
    await b.messaging.send(bob, { to, clientId: 'k1', content: 'hi' });
    expect(await b.reading.list(bob, to, { limit: 5 })).toHaveLength(1);
    await a.provisioning.removeMember(admin, group.id, 'bob');
    await expect(b.messaging.send(bob, { to, clientId: 'k2', content: 'again' })).rejects.toMatchObject({
      status: 403,
    });
    await expect(b.reading.list(bob, to, { limit: 5 })).rejects.toMatchObject({ status: 403 });
    await expect(b.messaging.markRead(bob, to, 1)).rejects.toMatchObject({ status: 403 });
    expect(await b.reading.detail(bob, ['k1'])).toEqual([]);
    expect(await b.chats.mine(bob)).toEqual([]);
  });
});
