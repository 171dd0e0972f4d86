import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Chat, createDomain, type DomainEvent, type Message } from '../../src/domain/index.ts';
import { createStore } from '../../src/store/index.ts';
import type { StoreTarget } from './targets.ts';

const MAX = Number.MAX_SAFE_INTEGER;

function chatRow(id: string, memberIds: string[], type: 1 | 2 = 2): Chat {
  return {
    id,
    num: 1,
    type,
    status: 1,
    isEnc: 0,
    creatorId: memberIds[0] ?? '',
    memberIds,
    lastSeq: 0,
    lastRecallSeq: 0,
    lastTime: 0,
    createdAt: 1,
  };
}

function messageRow(num: number, seq: number, over: Partial<Message> = {}): Message {
  return {
    num,
    chatId: 'c',
    seq,
    senderId: 'a',
    clientId: `m${num}`,
    content: 'hi',
    extra: '',
    type: 1,
    isEnc: 0,
    receiveIds: [],
    createdAt: 1,
    recall: null,
    gap: false,
    cleared: false,
    ...over,
  };
}

/**
 * The store's contract, written once and run against every target (hono's `common.case.test.ts`
 * pattern): the embedded server always, a real MongoDB when `MONGODB_URI` is set.
 */
export function storeContract(target: StoreTarget): void {
  describe(`store contract (${target.name})`, () => {
    let server: Awaited<ReturnType<StoreTarget['start']>>;
    beforeAll(async () => {
      server = await target.start();
    });
    afterAll(async () => {
      await server.stop();
    });

    it('creates every index it relies on', async () => {
      const store = await server.open();
      const names = (await store.db.collection('messages').indexes()).map((index) => index.name);
      expect(names).toEqual(expect.arrayContaining(['chat_seq_unique', 'sender_client_unique', 'chat_num']));
      const collections = await store.db.listCollections({ name: 'events' }, { nameOnly: false }).toArray();
      const info = collections[0];
      expect(info && 'options' in info ? info.options?.capped : undefined).toBe(true);
    });

    it('hands out unique numbers below 2^53 across instances (hi/lo blocks)', async () => {
      const store = await server.open();
      const other = createStore(store.db, async () => undefined, 7);
      const nums = await Promise.all(
        Array.from({ length: 400 }, (_, i) => (i % 2 ? store : other).numbers.next('message')),
      );
      expect(new Set(nums).size).toBe(400);
      expect(nums.every((n) => Number.isSafeInteger(n) && n >= 1 && n < MAX)).toBe(true);
    });

    it('refuses to hand out a number at or past 2^53', async () => {
      const store = await server.open();
      await store.db.collection('counters').insertOne({ _id: 'chat' as never, hi: MAX - 60 });
      const fresh = createStore(store.db, async () => undefined, 50);
      expect(await fresh.numbers.next('chat')).toBe(MAX - 59);
      const limited = createStore(store.db, async () => undefined, 50);
      await expect(limited.numbers.next('chat')).rejects.toThrow(/2\^53/);
    });

    it('refuses duplicate user ids and duplicate single-chat pairs', async () => {
      const store = await server.open();
      expect(await store.users.insert({ id: 'u', num: 1, name: 'u', createdAt: 1 })).toBe(true);
      expect(await store.users.insert({ id: 'u', num: 2, name: 'u', createdAt: 1 })).toBe(false);
      expect(await store.chats.insert({ ...chatRow('c1', ['a', 'b'], 1), num: 1 }, 'pair:ab')).toBe(
        'inserted',
      );
      expect(await store.chats.insert({ ...chatRow('c1', ['a', 'b'], 1), num: 2 }, 'pair:x')).toBe(
        'duplicate_id',
      );
      expect(await store.chats.insert({ ...chatRow('c2', ['a', 'b'], 1), num: 3 }, 'pair:ab')).toBe(
        'duplicate_pair',
      );
      expect(await store.chats.insert({ ...chatRow('g1', ['a']), num: 4 }, null)).toBe('inserted');
      expect(await store.chats.insert({ ...chatRow('g2', ['a']), num: 5 }, null)).toBe('inserted');
      expect((await store.chats.getByPair('pair:ab'))?.id).toBe('c1');
      expect((await store.chats.listForMember('a')).map((c) => c.id).sort()).toEqual(['c1', 'g1', 'g2']);
    });

    it('allocates 200 concurrent sequences 1..200 without duplicate or gap', async () => {
      const store = await server.open();
      await store.chats.insert(chatRow('c', ['a']), null);
      const chats = await Promise.all(Array.from({ length: 200 }, (_, i) => store.chats.allocateSeq('c', i)));
      const seqs = chats.map((c) => c?.lastSeq ?? 0).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      expect((await store.chats.get('c'))?.lastTime).toBe(199);
      expect(await store.chats.allocateRecallSeqs('c', 3)).toBe(1);
      expect(await store.chats.allocateRecallSeqs('c', 2)).toBe(4);
    });

    it('sends 200 messages concurrently: sequences 1..200, numbers unique', async () => {
      const store = await server.open();
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

    it('settles 20 concurrent retries of one client id into one message, filling lost sequences with tombstones', async () => {
      const store = await server.open();
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
      expect(rows.map((m) => m.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
      expect(rows.filter((m) => !m.gap)).toHaveLength(1);
    });

    it('turns a lost insert race into a gap tombstone and returns the winner', async () => {
      const store = await server.open();
      expect(await store.messages.insert(messageRow(1, 1, { clientId: 'x' }))).toEqual({ inserted: true });
      const outcome = await store.messages.insert(messageRow(2, 2, { clientId: 'x', content: 'other' }));
      expect(outcome.inserted).toBe(false);
      if (!outcome.inserted) expect(outcome.winner.num).toBe(1);
      const gap = await store.messages.getBySeq('c', 2);
      expect(gap).toMatchObject({ gap: true, content: '', senderId: '' });
    });

    it('lets exactly one of two concurrent recall claims win', async () => {
      const store = await server.open();
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
      const store = await server.open();
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
      expect(await store.messages.findByClient('a', 'm1')).toMatchObject({ cleared: true, content: '' });
    });

    it('keeps member marks forward-only and per-user marks idempotent', async () => {
      const store = await server.open();
      expect(await store.members.advanceReadSeq('c', 'a', 5)).toEqual({ before: 0, after: 5 });
      expect(await store.members.advanceReadSeq('c', 'a', 3)).toEqual({ before: 5, after: 5 });
      await store.members.raiseClearedSeq('c', 'a', 4);
      await store.members.raiseClearedSeq('c', 'a', 2);
      await store.members.setHidden('c', 'a', true);
      await store.members.setLastOnline('a', ['c', 'd'], 9);
      const [state] = await store.members.getMany('a', ['c']);
      expect(state).toMatchObject({ readSeq: 5, clearedSeq: 4, isHide: 1, lastOnlineTime: 9, isTop: 0 });
      await store.members.unhideAll('c');
      expect((await store.members.getMany('a', ['c', 'd'])).map((m) => m.isHide)).toEqual([0, 0]);
      await Promise.all([
        store.hidden.hide('a', [{ num: 1, chatId: 'c' }]),
        store.hidden.hide('a', [{ num: 1, chatId: 'c' }]),
      ]);
      expect([...(await store.hidden.hiddenAmong('a', [1, 2]))]).toEqual([1]);
      expect((await store.hidden.hiddenAmong('b', [1])).size).toBe(0);
      await store.focus.focus('a', { num: 2, chatId: 'c' }, 1);
      expect([...(await store.focus.focusedAmong('a', [1, 2]))]).toEqual([2]);
    });

    it('tails the capped event log from its end or after a given id', async () => {
      const store = await server.open();
      const event = (messageNum: number): DomainEvent => ({
        kind: 'message.sent',
        chatId: 'c',
        chatNum: 1,
        actorId: 'a',
        actorNum: 1,
        messageNum,
        sequence: messageNum,
        at: 1,
        audience: ['a'],
      });
      const firstId = await store.events.appendEvent(event(1));
      await store.events.appendEvent(event(2));
      const abort = new AbortController();
      const fromEnd: number[] = [];
      const fromFirst: number[] = [];
      const tailEnd = (async () => {
        for await (const { event: e } of store.events.tailEvents(undefined, abort.signal))
          fromEnd.push(e.messageNum);
      })();
      const tailFirst = (async () => {
        for await (const { event: e } of store.events.tailEvents(firstId, abort.signal))
          fromFirst.push(e.messageNum);
      })();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await store.events.appendEvent(event(3));
      await expect.poll(() => fromEnd, { timeout: 5000 }).toEqual([3]);
      await expect.poll(() => fromFirst, { timeout: 5000 }).toEqual([2, 3]);
      abort.abort();
      await Promise.all([tailEnd, tailFirst]);
    });
  });
}
