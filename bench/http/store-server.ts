import { createDomain } from '../../src/domain/create-domain.ts';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { createEventLogPublisher, openStore, type Store } from '../../src/store/index.ts';
import { CHAT, PEER, SENDER } from './gateway-fixture.ts';
import type { RateResult } from './load.ts';
import type { LoopCommand } from './protocol.ts';
import { type Fixture, PAGE, storeReadPage, storeSend } from './store-ops.ts';

/**
 * The baseline of figure (a): the same embedded server (in memory, in this process, as the gateway
 * runs it), the same `openStore` repositories, the same provisioning and seed, but no HTTP.
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

let sends = 0;

/** `concurrency` workers calling the store directly, back to back; counts the last `seconds`. */
export async function storeLoop(store: Store, fixture: Fixture, command: LoopCommand): Promise<RateResult> {
  const start = performance.now();
  const measureFrom = start + command.warmup * 1000;
  const end = measureFrom + command.seconds * 1000;
  let requests = 0;
  let errors = 0;
  async function worker(): Promise<void> {
    while (performance.now() < end) {
      const ok = await (
        command.op === 'send'
          ? storeSend(store, fixture, `loop_${sends++}`)
          : storeReadPage(store, fixture, Math.floor(Math.random() * (fixture.seeded - PAGE)))
      ).then(
        () => true,
        () => false,
      );
      if (performance.now() < measureFrom) continue;
      if (ok) requests++;
      else errors++;
    }
  }
  await Promise.all(Array.from({ length: command.concurrency }, worker));
  const seconds = (performance.now() - measureFrom) / 1000;
  return { requests, seconds, perSecond: requests / seconds, errors };
}
