import { describe, expect, it } from 'vitest';
import { as, chat, say, useDomain, users } from './fixture.ts';

describe('chat views', () => {
  const fixture = useDomain();

  it('lists my chats with my membership state, most recent first', async () => {
    const f = fixture();
    await users(f, 'a', 'b', 'c');
    const single = await chat(f, 1, 'a', ['b']);
    const group = await chat(f, 2, 'c', ['a']);
    await say(f, 'a', single.id, 'x');
    await say(f, 'c', group.id, 'y');
    const mine = await f.domain.chats.mine(as('a'));
    expect(mine.map((c) => c.id)).toEqual([group.id, single.id]);
    expect(mine[1]).toMatchObject({
      isTop: 0,
      isMute: 0,
      isShow: 1,
      isHide: 0,
      readSeq: 0,
      peerId: 'b',
      lastSeq: 1,
    });
    expect(await f.domain.chats.mine(as('nobody'))).toEqual([]);
  });

  it('details only chats I am a member of, in the order asked', async () => {
    const f = fixture();
    await users(f, 'a', 'b', 'c');
    const one = await chat(f, 2, 'a', []);
    const two = await chat(f, 2, 'b', ['a']);
    const other = await chat(f, 2, 'c', []);
    const views = await f.domain.chats.details(as('a'), [two.id, other.id, one.id, 'nope']);
    expect(views.map((v) => [v.id, v.creatorId])).toEqual([
      [two.id, 'b'],
      [one.id, 'a'],
    ]);
  });

  it('hides a chat for me until its next message and records my last online time', async () => {
    const f = fixture();
    await users(f, 'a', 'b');
    const group = await chat(f, 2, 'a', ['b']);
    await f.domain.messaging.hideChats(as('b'), [group.id]);
    expect((await f.domain.chats.mine(as('b')))[0]).toMatchObject({ isHide: 1, isShow: 0 });
    expect((await f.domain.chats.mine(as('a')))[0]).toMatchObject({ isHide: 0 });
    await expect(f.domain.messaging.hideChats(as('z'), [group.id])).rejects.toMatchObject({ status: 403 });
    await f.domain.chats.recordOnline(as('b'));
    const [view] = await f.domain.chats.mine(as('b'));
    expect(view?.lastOnlineTime).toBeGreaterThan(0);
  });
});
