import { describe, expect, it } from 'vitest';
import { as, chat, say, useDomain, users } from './fixture.ts';

describe('read marks', () => {
  const fixture = useDomain();

  it('moves forward only and tells the other members', async () => {
    const f = fixture();
    await users(f, 'a', 'b', 'c');
    const group = await chat(f, 2, 'a', ['b', 'c']);
    const to = { kind: 'group' as const, chatId: group.id };
    await say(f, 'a', group.id, '1');
    const second = await say(f, 'a', group.id, '2');
    const before = f.events.length;
    expect(await f.domain.messaging.markRead(as('b'), to, 2)).toEqual({
      chatId: group.id,
      readSeq: 2,
      advanced: true,
    });
    expect(await f.domain.messaging.markRead(as('b'), to, 1)).toEqual({
      chatId: group.id,
      readSeq: 2,
      advanced: false,
    });
    expect(f.events.slice(before)).toEqual([
      expect.objectContaining({
        kind: 'read_mark.advanced',
        actorId: 'b',
        sequence: 2,
        messageNum: second.num,
        audience: ['a', 'c'],
      }),
    ]);
    const [view] = await f.domain.chats.details(as('b'), [group.id]);
    expect(view?.readSeq).toBe(2);
  });

  it('refuses marks past the last message and non-members', async () => {
    const f = fixture();
    await users(f, 'a', 'b');
    await chat(f, 1, 'a', ['b']);
    const to = { kind: 'direct' as const, peerId: 'a' };
    await expect(f.domain.messaging.markRead(as('b'), to, 1)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(f.domain.messaging.markRead(as('b'), to, -1)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(
      f.domain.messaging.markRead(as('z'), { kind: 'direct', peerId: 'a' }, 0),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect((await f.domain.messaging.markRead(as('b'), to, 0)).advanced).toBe(false);
  });
});
