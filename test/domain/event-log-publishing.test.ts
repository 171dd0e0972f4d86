import { describe, expect, it } from 'vitest';
import { createDomain, type DomainEvent } from '../../src/domain/index.ts';
import { createEventLogPublisher } from '../../src/store/index.ts';
import { as, useDomain } from './fixture.ts';

describe('publishing through the event log', () => {
  const fixture = useDomain();

  it('appends each event once the store accepted the change, for every tailing instance', async () => {
    const { store } = fixture();
    const domain = createDomain({ store, events: createEventLogPublisher(store.events) });
    const admin = { userId: 'root', isAdmin: true };
    await domain.provisioning.createUser(admin, { id: 'a' });
    await domain.provisioning.createUser(admin, { id: 'b' });
    const chat = await domain.provisioning.createChat(admin, { type: 1, creatorId: 'a', memberIds: ['b'] });
    const abort = new AbortController();
    const seen: DomainEvent[] = [];
    const tail = (async () => {
      for await (const { event } of store.events.tailEvents(undefined, abort.signal)) seen.push(event);
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { message } = await domain.messaging.send(as('a'), {
      to: { kind: 'direct', peerId: 'b' },
      content: 'hi',
    });
    await domain.messaging.markRead(as('b'), { kind: 'chat', chatId: chat.id }, 1);
    await expect
      .poll(() => seen.map((e) => e.kind), { timeout: 5000 })
      .toEqual(['message.sent', 'read_mark.advanced']);
    expect(seen[0]).toMatchObject({ messageNum: message.num, chatNum: chat.num, audience: ['a', 'b'] });
    expect(seen[1]).toMatchObject({ actorId: 'b', audience: ['a'], messageNum: message.num });
    abort.abort();
    await tail;
  });
});
