import { expect, it } from 'vitest';
import type { DomainEvent } from '../../src/domain/index.ts';
import type { Store } from '../../src/store/index.ts';

/** Member marks, per-user marks, and the capped event log. */
export function markAndEventCases(open: () => Promise<Store>): void {
  it('keeps member marks forward-only and per-user marks idempotent', async () => {
    const store = await open();
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

  it('finds who hid a message and who cleared past a sequence, for event audiences', async () => {
    const store = await open();
    await store.hidden.hide('a', [{ num: 7, chatId: 'c' }]);
    await store.hidden.hide('b', [
      { num: 7, chatId: 'c' },
      { num: 8, chatId: 'c' },
    ]);
    await store.hidden.hide('b', [{ num: 7, chatId: 'other' }]);
    const hidden = await store.hidden.hiddenBy('c', [7, 8, 9]);
    expect([...(hidden.get(7) ?? [])].sort()).toEqual(['a', 'b']);
    expect([...(hidden.get(8) ?? [])]).toEqual(['b']);
    expect(hidden.has(9)).toBe(false);
    expect([...((await store.hidden.hiddenBy('c', [8])).get(8) ?? [])]).toEqual(['b']);
    await store.members.raiseClearedSeq('c', 'a', 4);
    await store.members.raiseClearedSeq('c', 'b', 6);
    await store.members.advanceReadSeq('c', 'd', 9);
    await store.members.raiseClearedSeq('other', 'e', 9);
    expect(await store.members.clearedMarks('c')).toEqual(
      new Map([
        ['a', 4],
        ['b', 6],
      ]),
    );
  });

  it('tails the capped event log from its end or after a given id', async () => {
    const store = await open();
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
}
