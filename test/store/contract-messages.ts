import { expect, it } from 'vitest';
import { createDomain, type DomainEvent } from '../../src/domain/index.ts';
import type { Store } from '../../src/store/index.ts';
import { messageRow } from './rows.ts';

/** Sends under concurrency, idempotency races, recall claims and the visibility filters. */
export function messageCases(open: () => Promise<Store>): void {
  it('sends 200 messages concurrently: sequences 1..200, numbers unique', async () => {
    const store = await open();
    const events: DomainEvent[] = [];
    const domain = createDomain({ store, events: { publish: async (e) => void events.push(e) } });
    const admin = { userId: 'root', isAdmin: true };
    await domain.provisioning.createUser(admin, { id: 'a' });
    const chat = await domain.provisioning.createChat(admin, { type: 2, creatorId: 'a', memberIds: [] });
    const sent = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        domain.messaging.send(
          { userId: 'a', isAdmin: false },
          { to: { kind: 'chat', chatId: chat.id }, clientId: `m${i}`, content: `${i}` },
        ),
      ),
    );
    expect(sent.map((r) => r.message.seq).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    expect(new Set(sent.map((r) => r.message.num)).size).toBe(200);
    expect(events).toHaveLength(200);
  });

  it('settles 20 concurrent retries of one client id into one message without taking a second sequence', async () => {
    const store = await open();
    const domain = createDomain({ store, events: { publish: async () => undefined } });
    const admin = { userId: 'root', isAdmin: true };
    await domain.provisioning.createUser(admin, { id: 'a' });
    const chat = await domain.provisioning.createChat(admin, { type: 2, creatorId: 'a', memberIds: [] });
    const send = () =>
      domain.messaging.send(
        { userId: 'a', isAdmin: false },
        { to: { kind: 'chat', chatId: chat.id }, clientId: 'same', content: 'x' },
      );
    const results = await Promise.all(Array.from({ length: 20 }, send));
    expect(new Set(results.map((r) => r.message.num)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    const lastSeq = (await store.chats.get(chat.id))?.lastSeq ?? 0;
    const rows = await store.messages.query({
      chatIds: [chat.id],
      includeGaps: true,
      orderBy: 'seq',
      descending: false,
      limit: 100,
    });
    expect(lastSeq).toBe(1);
    expect(rows.map((m) => [m.seq, m.gap])).toEqual([[1, false]]);
  });

  it('tells which unique index refused an insert and writes nothing then', async () => {
    const store = await open();
    expect(await store.messages.insert(messageRow(1, 1, { clientId: 'x' }))).toEqual({ outcome: 'inserted' });
    const retry = await store.messages.insert(messageRow(2, 2, { clientId: 'x', content: 'other' }));
    expect(retry.outcome).toBe('duplicate_client');
    if (retry.outcome === 'duplicate_client') expect(retry.winner.num).toBe(1);
    expect(await store.messages.insert(messageRow(3, 1, { clientId: 'y' }))).toEqual({
      outcome: 'duplicate_seq',
    });
    expect(await store.messages.getBySeq('c', 2)).toBeNull();
    // the same client id in another chat is another message (the key starts with the chat id)
    expect(await store.messages.insert(messageRow(4, 1, { clientId: 'x', chatId: 'd' }))).toEqual({
      outcome: 'inserted',
    });
  });

  it('fills holes with gap tombstones, skipping a sequence a late insert took', async () => {
    const store = await open();
    await store.messages.insert(messageRow(1, 2));
    const filled = await store.messages.fillGaps(
      'c',
      [
        { seq: 1, num: 10 },
        { seq: 2, num: 11 },
        { seq: 3, num: 12 },
      ],
      7,
    );
    expect(filled.map((m) => [m.seq, m.num, m.gap])).toEqual([
      [1, 10, true],
      [3, 12, true],
    ]);
    expect(await store.messages.getBySeq('c', 3)).toMatchObject({
      gap: true,
      content: '',
      senderId: '',
      createdAt: 7,
    });
  });

  it('lets exactly one of two concurrent recall claims win', async () => {
    const store = await open();
    await store.messages.insert(messageRow(1, 1));
    const recall = { recallSeq: 0, recalledAt: 5, recalledBy: 'a' };
    const [first, second] = await Promise.all([
      store.messages.claimRecall({ chatId: 'c', nums: [1] }, recall, 't1'),
      store.messages.claimRecall({ chatId: 'c', nums: [1] }, recall, 't2'),
    ]);
    expect((first?.length ?? 0) + (second?.length ?? 0)).toBe(1);
    await store.messages.numberRecalls([{ num: 1, recallSeq: 1 }]);
    const recalled = await store.messages.getByNum(1);
    expect(recalled).toMatchObject({
      content: '',
      extra: '',
      recall: { recallSeq: 1, recalledAt: 5, recalledBy: 'a' },
    });
    const recalls = await store.messages.queryRecalls({
      chatId: 'c',
      recallSeq: { gte: 1 },
      descending: false,
      limit: 5,
    });
    expect(recalls.map((m) => m.num)).toEqual([1]);
  });

  it('filters by addressee, range and order, and hides cleared rows for good', async () => {
    const store = await open();
    await store.messages.insert(messageRow(1, 1));
    await store.messages.insert(messageRow(2, 2, { receiveIds: ['b'] }));
    await store.messages.insert(messageRow(3, 3, { receiveIds: ['c'] }));
    const base = { chatIds: ['c'], includeGaps: false, orderBy: 'seq' as const, limit: 10 };
    const forB = await store.messages.query({ ...base, addressedTo: 'b', descending: true });
    expect(forB.map((m) => m.seq)).toEqual([2, 1]);
    const forA = await store.messages.query({
      ...base,
      addressedTo: 'a',
      descending: false,
      seq: { gt: 1 },
    });
    expect(forA.map((m) => m.seq)).toEqual([2, 3]);
    const removed = await store.messages.clear('c', 2);
    expect(removed.map((m) => m.seq)).toEqual([1, 2]);
    expect((await store.messages.query({ ...base, descending: false })).map((m) => m.seq)).toEqual([3]);
    expect(await store.messages.findByClientIds(['m1'])).toEqual([]);
    expect(await store.messages.findByClient('c', 'a', 'm1')).toMatchObject({ cleared: true, content: '' });
  });
}
