import { expect, it } from 'vitest';
import type { MessageEvent } from '../../src/domain/index.ts';
import type { Store } from '../../src/store/index.ts';
import { chatRow, sentEvent } from './rows.ts';

/** Member marks, per-user marks, and the capped event log. */
export function markAndEventCases(open: () => Promise<Store>): void {
  it('keeps member state in the chat document: marks forward-only, hides and stars idempotent', async () => {
    const store = await open();
    await store.chats.insert(chatRow('c', ['a', 'b']), null);
    await store.chats.insert({ ...chatRow('d', ['a.b$', 'b']), num: 2 }, null);
    expect((await store.members.advanceReadSeq('c', 'a', 5, 8))?.member.readSeq).toBe(0);
    expect(await store.members.advanceReadSeq('c', 'a', 3, 8)).toBeNull();
    expect(await store.members.advanceReadSeq('c', 'z', 9, 8)).toBeNull(); // not a member
    await store.members.raiseClearedSeq('c', 'a', 4);
    await store.members.raiseClearedSeq('c', 'a', 2);
    await store.members.setHidden('c', 'a', true);
    await store.members.setLastOnline('a', ['c'], 9);
    await Promise.all([
      store.hidden.hide('a', [{ num: 1, chatId: 'c' }]),
      store.hidden.hide('a', [{ num: 1, chatId: 'c' }]),
    ]);
    await store.focus.focus('a', { num: 2, chatId: 'c' });
    await store.members.setLastOnline('a.b$', ['d'], 3); // field names cannot hold '.' or '$'
    const found = await store.chats.getWithMember({ id: 'c' }, 'a');
    expect(found?.member).toMatchObject({
      readSeq: 5,
      clearedSeq: 4,
      isHide: 1,
      lastOnlineTime: 9,
      isTop: 0,
      hidden: [1],
      focused: [2],
    });
    expect((await store.chats.getWithMember({ id: 'c' }, 'b'))?.member).toMatchObject({
      readSeq: 0,
      hidden: [],
    });
    expect((await store.chats.getWithMember({ id: 'd' }, 'a.b$'))?.member.lastOnlineTime).toBe(3);
    await store.members.setHidden('c', 'a', false);
    expect((await store.chats.getManyWithMember(['c', 'd'], 'a')).map((f) => f.member.isHide)).toEqual([
      0, 0,
    ]);
    await store.chats.removeMember('c', 'a');
    expect((await store.chats.getWithMember({ id: 'c' }, 'a'))?.member).toMatchObject({
      readSeq: 0,
      hidden: [],
    });
  });

  it('returns every member state with the recall and clear updates, for event audiences', async () => {
    const store = await open();
    await store.chats.insert(chatRow('c', ['a', 'b', 'd']), null);
    await store.chats.insert({ ...chatRow('other', ['b', 'e']), num: 2 }, null);
    await store.hidden.hide('a', [{ num: 7, chatId: 'c' }]);
    await store.hidden.hide('b', [
      { num: 7, chatId: 'c' },
      { num: 8, chatId: 'c' },
    ]);
    await store.hidden.hide('b', [{ num: 9, chatId: 'other' }]);
    await store.members.raiseClearedSeq('c', 'a', 4);
    await store.members.raiseClearedSeq('c', 'b', 6);
    await store.members.advanceReadSeq('c', 'd', 9, 1);
    await store.members.raiseClearedSeq('other', 'e', 9);
    const { first, states } = await store.chats.allocateRecallSeqs('c', 2);
    expect(first).toBe(1);
    expect([...states.keys()]).toEqual(['a', 'b', 'd']);
    expect([...states].map(([id, m]) => [id, m.hidden, m.clearedSeq])).toEqual([
      ['a', [7], 4],
      ['b', [7, 8], 6],
      ['d', [], 0],
    ]);
    const cleared = await store.chats.clearUpToLast('other');
    expect(cleared?.states.get('b')?.hidden).toEqual([9]);
    expect(cleared?.states.get('e')?.clearedSeq).toBe(9);
  });

  it('tails the capped event log from its end or after a given id', async () => {
    const store = await open();
    const firstId = await store.events.appendEvent(sentEvent(1));
    await store.events.appendEvent(sentEvent(2));
    const abort = new AbortController();
    const fromEnd: number[] = [];
    const fromFirst: number[] = [];
    const tailEnd = (async () => {
      for await (const { event: e } of store.events.tailEvents(undefined, abort.signal))
        fromEnd.push((e as MessageEvent).messageNum);
    })();
    const tailFirst = (async () => {
      for await (const { event: e } of store.events.tailEvents(firstId, abort.signal))
        fromFirst.push((e as MessageEvent).messageNum);
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await store.events.appendEvent(sentEvent(3));
    await expect.poll(() => fromEnd, { timeout: 5000 }).toEqual([3]);
    await expect.poll(() => fromFirst, { timeout: 5000 }).toEqual([2, 3]);
    abort.abort();
    await Promise.all([tailEnd, tailFirst]);
  });
}
