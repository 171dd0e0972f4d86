import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.ts';
import type { Chat, User } from '../../src/domain/index.ts';
import type { EmbeddedMongo } from '../../src/embedded-mongo/server.ts';
import { connect, type RecordingClient, settle } from './fixtures.ts';
import {
  ADMIN,
  type PushInstance,
  startInstance,
  startSharedStore,
  waitUntilTailing,
} from './shared-store.ts';

/**
 * Two gateway instances (each its own MongoDB client, domain, bus and hub) over one embedded
 * MongoDB: an action taken on either is pushed to the clients of both, through the store's event
 * log — tailed as a capped collection on a standalone server, watched with change streams on a
 * replica set.
 */
const alice: Actor = { userId: 'alice', isAdmin: false };
const bob: Actor = { userId: 'bob', isAdmin: false };

describe.each([
  ['standalone', 'capped-tail', undefined],
  ['replica set', 'change-stream', 'rs0'],
] as const)('push across two gateway instances sharing one %s store', (_mode, feed, replicaSet) => {
  let mongo: EmbeddedMongo;
  let a: PushInstance;
  let b: PushInstance;
  const users: Record<string, User> = {};
  let group: Chat;
  let clients: Record<'aliceOnA' | 'bobOnA' | 'bobOnB' | 'carolOnB', RecordingClient>;

  beforeAll(async () => {
    mongo = await startSharedStore(replicaSet);
    const dbName = 'push_two_instances';
    a = await startInstance(mongo.uri, dbName);
    b = await startInstance(mongo.uri, dbName);
    for (const id of ['alice', 'bob', 'carol'])
      users[id] = await a.domain.provisioning.createUser(ADMIN, { id });
    group = await a.domain.provisioning.createChat(ADMIN, {
      type: 2,
      creatorId: 'alice',
      memberIds: ['alice', 'bob'],
    });
    await waitUntilTailing([a, b]);
    clients = {
      aliceOnA: await connect(`${a.url}/ws?token=tok-alice`),
      bobOnA: await connect(`${a.url}/ws?token=tok-bob`),
      bobOnB: await connect(`${b.url}/ws?token=tok-bob`),
      carolOnB: await connect(`${b.url}/ws?token=tok-carol`),
    };
  });

  afterAll(async () => {
    for (const client of Object.values(clients ?? {})) client.ws.close();
    await a?.close();
    await b?.close();
    await mongo?.close();
  });

  function frame(status: string, actor: string, msgId: number, updateTime: number) {
    return {
      type: 'chat.message',
      status,
      user_id: users[actor]?.num,
      chat_id: group.num,
      msg_id: msgId,
      update_time: updateTime,
    };
  }

  it(`reads the shared events by ${feed}`, () => {
    expect([a.store.eventFeed, b.store.eventFeed]).toEqual([feed, feed]);
  });

  it('delivers a send on A to members on A and on B, with the stored numbers and instant', async () => {
    const { message } = await a.domain.messaging.send(alice, {
      to: { kind: 'chat', chatId: group.id },
      clientId: 'm-1',
      content: 'hello',
    });
    const expected = frame('send message', 'alice', message.num, message.createdAt / 1000);
    for (const client of [clients.aliceOnA, clients.bobOnA, clients.bobOnB]) {
      expect((await client.waitFor(1, 5_000)).at(-1)).toEqual(expected);
    }
  });

  it('delivers a recall made on B to the clients of A', async () => {
    const { message } = await b.domain.messaging.send(alice, {
      to: { kind: 'group', chatId: group.id },
      clientId: 'm-2',
      content: 'oops',
    });
    await clients.aliceOnA.waitFor(2, 5_000);
    const before = Date.now();
    const recalled = await b.domain.messaging.recallBySeq(
      alice,
      { kind: 'group', chatId: group.id },
      message.seq,
    );
    expect(recalled.num).toBe(message.num);
    const [last] = (await clients.bobOnA.waitFor(3, 5_000)).slice(-1) as Array<{ update_time: number }>;
    expect(last).toMatchObject({
      status: 'withdraw message',
      user_id: users.alice?.num,
      msg_id: message.num,
    });
    expect(last?.update_time).toBeGreaterThanOrEqual(Math.floor(before / 1000));
  });

  it('delivers a read mark made on B to the other members only', async () => {
    const before = (await clients.bobOnB.waitFor(3, 5_000)).length;
    const mark = await b.domain.messaging.markRead(bob, { kind: 'chat', chatId: group.id }, 1);
    expect(mark.advanced).toBe(true);
    const [last] = (await clients.aliceOnA.waitFor(4, 5_000)).slice(-1);
    expect(last).toMatchObject({ status: 'read message', user_id: users.bob?.num, chat_id: group.num });
    await settle(200);
    expect(clients.bobOnB.messages.length).toBe(before);
  });

  it('never delivers to a non-member', async () => {
    await settle(100);
    expect(clients.carolOnB.messages).toEqual([]);
    expect(a.hub.stats().eventsReceived).toBe(b.hub.stats().eventsReceived);
  });
});
