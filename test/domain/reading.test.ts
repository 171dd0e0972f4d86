import { describe, expect, it } from 'vitest';
import { as, chat, type DomainFixture, say, useDomain, users } from './fixture.ts';

/** A group a, b, c with messages 1..5; message 3 is addressed to b only. */
async function history(f: DomainFixture) {
  await users(f, 'a', 'b', 'c');
  const group = await chat(f, 2, 'a', ['b', 'c']);
  const sent = [];
  for (let i = 1; i <= 5; i += 1) {
    sent.push(await say(f, 'a', group.id, `m${i}`, { clientId: `id${i}`, receiveIds: i === 3 ? ['b'] : [] }));
  }
  return { group, sent, to: { kind: 'chat' as const, chatId: group.id } };
}

const seqs = (views: ReadonlyArray<{ seq: number }>) => views.map((v) => v.seq);

describe('reading', () => {
  const fixture = useDomain();

  it('lists windows of sequences for the viewer, ascending', async () => {
    const f = fixture();
    const { to } = await history(f);
    expect(seqs(await f.domain.reading.list(as('b'), to, { limit: 10 }))).toEqual([1, 2, 3, 4, 5]);
    expect(seqs(await f.domain.reading.list(as('c'), to, { limit: 10 }))).toEqual([1, 2, 4, 5]);
    expect(seqs(await f.domain.reading.list(as('c'), to, { limit: 2 }))).toEqual([4, 5]);
    expect(seqs(await f.domain.reading.list(as('c'), to, { after: 1, limit: 2 }))).toEqual([2, 4]);
    expect(seqs(await f.domain.reading.list(as('c'), to, { before: 5, limit: 2 }))).toEqual([2, 4]);
    await expect(f.domain.reading.list(as('z'), to, { limit: 1 })).rejects.toMatchObject({ status: 403 });
    await expect(f.domain.reading.list(as('b'), to, { limit: 0 })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('returns details only for visible messages', async () => {
    const f = fixture();
    await history(f);
    expect(seqs(await f.domain.reading.detail(as('c'), ['id2', 'id3', 'unknown']))).toEqual([2]);
    expect(seqs(await f.domain.reading.detail(as('b'), ['id2', 'id3']))).toEqual([2, 3]);
    expect(await f.domain.reading.detail(as('z'), ['id2'])).toEqual([]);
  });

  it('marks is_read from the read mark and own messages', async () => {
    const f = fixture();
    const { to } = await history(f);
    await f.domain.messaging.markRead(as('b'), to, 2);
    const views = await f.domain.reading.list(as('b'), to, { limit: 10 });
    expect(views.map((v) => v.isRead)).toEqual([true, true, false, false, false]);
    expect((await f.domain.reading.list(as('a'), to, { limit: 10 })).every((v) => v.isRead)).toBe(true);
  });

  it('hides messages for one user only, by id and by chat', async () => {
    const f = fixture();
    const { group, to } = await history(f);
    expect(await f.domain.messaging.hideMessages(as('c'), ['id1', 'id3'])).toBe(1);
    expect(seqs(await f.domain.reading.list(as('c'), to, { limit: 10 }))).toEqual([2, 4, 5]);
    expect(seqs(await f.domain.reading.list(as('b'), to, { limit: 10 }))).toEqual([1, 2, 3, 4, 5]);
    await f.domain.messaging.hideChatMessages(as('b'), [group.id]);
    expect(await f.domain.reading.list(as('b'), to, { limit: 10 })).toEqual([]);
    const next = await say(f, 'a', group.id, 'm6');
    expect(seqs(await f.domain.reading.list(as('b'), to, { limit: 10 }))).toEqual([6]);
    await expect(f.domain.reading.getByNum(as('b'), next.num - 1)).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(f.domain.messaging.hideChatMessages(as('z'), [group.id])).rejects.toMatchObject({
      status: 403,
    });
  });

  it('pulls messages and recalls from inclusive starts (imchat)', async () => {
    const f = fixture();
    await users(f, 'a', 'b');
    await chat(f, 1, 'a', ['b']);
    const to = { kind: 'direct' as const, peerId: 'a' };
    for (let i = 1; i <= 5; i += 1)
      await f.domain.messaging.send(as('a'), { to: { kind: 'direct', peerId: 'b' }, content: `${i}` });
    await f.domain.messaging.recallBySeq(as('a'), { kind: 'direct', peerId: 'b' }, 4);
    await f.domain.messaging.recallBySeq(as('a'), { kind: 'direct', peerId: 'b' }, 2);
    const after = await f.domain.reading.pull(as('b'), to, {
      direction: 'after',
      startSeq: 2,
      startRecallSeq: 1,
      count: 2,
    });
    expect(seqs(after.messages)).toEqual([2, 3]);
    expect(after.messages[0]).toMatchObject({ content: '', recall: { recallSeq: 2 } });
    expect(after.recalls).toEqual([
      { recallSeq: 1, seq: 4 },
      { recallSeq: 2, seq: 2 },
    ]);
    const before = await f.domain.reading.pull(as('b'), to, {
      direction: 'before',
      startSeq: 3,
      startRecallSeq: 0,
      count: 50,
    });
    expect(seqs(before.messages)).toEqual([1, 2, 3]);
    expect(before.recalls).toEqual([]);
    const none = await f.domain.reading.pull(as('b'), to, {
      direction: 'before',
      startSeq: 0,
      startRecallSeq: 2,
      count: 1,
    });
    expect(none).toEqual({ messages: [], recalls: [{ recallSeq: 2, seq: 2 }] });
    await expect(
      f.domain.reading.pull(as('b'), to, { direction: 'after', startSeq: 1, startRecallSeq: 0, count: 51 }),
    ).rejects.toMatchObject({
      kind: 'invalid',
    });
  });

  it('syncs every chat of the viewer by number, ascending, skipping what it cannot see', async () => {
    const f = fixture();
    const { sent } = await history(f);
    const single = await chat(f, 1, 'c', ['b']);
    const direct = await say(f, 'b', single.id, 'dm');
    const all = await f.domain.reading.sync(as('c'), 0, 1000);
    expect(all.map((v) => v.content)).toEqual(['m1', 'm2', 'm4', 'm5', 'dm']);
    const later = await f.domain.reading.sync(as('c'), sent[3]?.num ?? 0, 1);
    expect(later.map((v) => v.num)).toEqual([sent[4]?.num]);
    expect((await f.domain.reading.sync(as('a'), 0, 1000)).some((v) => v.num === direct.num)).toBe(false);
  });

  it('reads private records with a peer by number, descending, and stars messages', async () => {
    const f = fixture();
    await users(f, 'a', 'b');
    const single = await chat(f, 1, 'a', ['b']);
    const nums = [];
    for (let i = 1; i <= 4; i += 1) nums.push((await say(f, i % 2 ? 'a' : 'b', single.id, `${i}`)).num);
    const latest = await f.domain.reading.privateRecords(as('a'), 'b', undefined, 2);
    expect(latest.map((v) => v.content)).toEqual(['4', '3']);
    expect(latest[0]).toMatchObject({ senderId: 'b', targetId: 'a', peerId: 'b', focused: false });
    const older = await f.domain.reading.privateRecords(as('a'), 'b', nums[2], 10);
    expect(older.map((v) => v.content)).toEqual(['2', '1']);
    await f.domain.messaging.focus(as('a'), nums[0] ?? 0, 'private');
    await f.domain.messaging.focus(as('a'), nums[0] ?? 0);
    expect((await f.domain.reading.getByNum(as('a'), nums[0] ?? 0)).focused).toBe(true);
    expect((await f.domain.reading.getByNum(as('b'), nums[0] ?? 0)).focused).toBe(false);
    await expect(f.domain.messaging.focus(as('a'), nums[0] ?? 0, 'group')).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(f.domain.reading.privateRecords(as('a'), 'nobody', undefined, 1)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('finds a message by number only for those who may see it', async () => {
    const f = fixture();
    const { sent } = await history(f);
    const third = sent[2]?.num ?? 0;
    expect((await f.domain.reading.getByNum(as('b'), third)).content).toBe('m3');
    await expect(f.domain.reading.getByNum(as('c'), third)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(f.domain.reading.getByNum(as('z'), third)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(f.domain.messaging.focus(as('c'), third)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
