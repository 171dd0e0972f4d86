import { expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { createStore, INDEXES } from '../../src/store/index.ts';
import { chatRow, MAX } from './rows.ts';

/** Indexes, hi/lo numbers, uniqueness of users and single chats, and per-chat sequences. */
export function numberAndChatCases(open: () => Promise<Store>): void {
  it('creates every index it relies on', async () => {
    const store = await open();
    for (const [collection, declared] of Object.entries(INDEXES)) {
      const names = (await store.db.collection(collection).indexes()).map((index) => index.name);
      expect(names).toEqual(expect.arrayContaining(declared.map((index) => index.name)));
    }
    // every unique index of messages starts with the chat id (its shard key; docs/normalization.md A16)
    for (const index of INDEXES.messages ?? [])
      if (index.unique) expect(Object.keys(index.key)[0]).toBe('chatId');
    const collections = await store.db.listCollections({ name: 'events' }, { nameOnly: false }).toArray();
    const info = collections[0];
    expect(info && 'options' in info ? info.options?.capped : undefined).toBe(true);
  });

  it('hands out unique numbers below 2^53 across instances (hi/lo blocks)', async () => {
    const store = await open();
    const other = createStore(store.db, async () => undefined, 7);
    const nums = await Promise.all(
      Array.from({ length: 400 }, (_, i) => (i % 2 ? store : other).numbers.next('message')),
    );
    expect(new Set(nums).size).toBe(400);
    expect(nums.every((n) => Number.isSafeInteger(n) && n >= 1 && n < MAX)).toBe(true);
  });

  it('refuses to hand out a number at or past 2^53', async () => {
    const store = await open();
    await store.db.collection('counters').insertOne({ _id: 'chat' as never, hi: MAX - 60 });
    const fresh = createStore(store.db, async () => undefined, 50);
    expect(await fresh.numbers.next('chat')).toBe(MAX - 59);
    const limited = createStore(store.db, async () => undefined, 50);
    await expect(limited.numbers.next('chat')).rejects.toThrow(/2\^53/);
  });

  it('refuses duplicate user ids and duplicate single-chat pairs', async () => {
    const store = await open();
    expect(await store.users.insert({ id: 'u', num: 1, name: 'u', createdAt: 1 })).toBe(true);
    expect(await store.users.insert({ id: 'u', num: 2, name: 'u', createdAt: 1 })).toBe(false);
    expect(await store.chats.insert({ ...chatRow('c1', ['a', 'b'], 1), num: 1 }, 'pair:ab')).toBe('inserted');
    expect(await store.chats.insert({ ...chatRow('c1', ['a', 'b'], 1), num: 2 }, 'pair:x')).toBe(
      'duplicate_id',
    );
    expect(await store.chats.insert({ ...chatRow('c2', ['a', 'b'], 1), num: 3 }, 'pair:ab')).toBe(
      'duplicate_pair',
    );
    expect(await store.chats.insert({ ...chatRow('g1', ['a']), num: 4 }, null)).toBe('inserted');
    expect(await store.chats.insert({ ...chatRow('g2', ['a']), num: 5 }, null)).toBe('inserted');
    expect((await store.chats.getWithMember({ pairKey: 'pair:ab' }, 'a'))?.chat.id).toBe('c1');
    expect((await store.chats.listForMember('a')).map(({ chat }) => chat.id).sort()).toEqual([
      'c1',
      'g1',
      'g2',
    ]);
  });

  it('allocates 200 concurrent sequences 1..200 without duplicate or gap', async () => {
    const store = await open();
    await store.chats.insert(chatRow('c', ['a']), null);
    const request = (i: number) => ({
      key: { id: 'c' },
      senderId: 'a',
      clientId: `m${i}`,
      memberIds: ['a'],
      groupOnly: false,
      at: i,
      force: false,
    });
    const chats = await Promise.all(
      Array.from({ length: 200 }, (_, i) => store.chats.allocateSeq(request(i))),
    );
    const seqs = chats.map((c) => c?.lastSeq ?? 0).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect((await store.chats.get('c'))?.lastTime).toBe(199);
    expect((await store.chats.allocateRecallSeqs('c', 3)).first).toBe(1);
    expect((await store.chats.allocateRecallSeqs('c', 2)).first).toBe(4);
  });

  it('allocates nothing for a recent send, a non-member or a stranger receive id, unless forced', async () => {
    const store = await open();
    await store.chats.insert(chatRow('c', ['a', 'b']), null);
    const request = {
      key: { id: 'c' },
      senderId: 'a',
      clientId: 'k',
      memberIds: ['a'],
      groupOnly: false,
      at: 1,
      force: false,
    };
    expect((await store.chats.allocateSeq(request))?.lastSeq).toBe(1);
    expect(await store.chats.allocateSeq(request)).toBeNull();
    expect(await store.chats.isRecentSend({ id: 'c' }, 'a', 'k')).toBe(true);
    expect(await store.chats.allocateSeq({ ...request, clientId: 'l', memberIds: ['a', 'z'] })).toBeNull();
    expect(await store.chats.allocateSeq({ ...request, senderId: 'z', memberIds: ['z'] })).toBeNull();
    await store.chats.insert({ ...chatRow('s', ['a', 'b'], 1), num: 2 }, 'pair:ab');
    expect(await store.chats.allocateSeq({ ...request, key: { id: 's' }, groupOnly: true })).toBeNull();
    expect((await store.chats.allocateSeq({ ...request, force: true }))?.lastSeq).toBe(2);
    expect(await store.chats.releaseSeq('c', 1)).toBe(false);
    expect(await store.chats.releaseSeq('c', 2)).toBe(true);
    expect((await store.chats.get('c'))?.lastSeq).toBe(1);
    expect((await store.chats.get('c'))?.seqAt).toBeGreaterThan(0);
  });
}
