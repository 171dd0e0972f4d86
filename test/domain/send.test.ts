import { describe, expect, it } from 'vitest';
import { createDomain } from '../../src/domain/index.ts';
import { RECENT_SENDS } from '../../src/store/index.ts';
import { as, chat, START_TIME, say, useDomain, users } from './fixture.ts';

describe('send', () => {
  const fixture = useDomain();

  it('stores the message with its sequence, number and instant, and publishes message.sent', async () => {
    const f = fixture();
    await users(f, 'a', 'b');
    const group = await chat(f, 2, 'a', ['b']);
    const { message, duplicate } = await f.domain.messaging.send(as('a'), {
      to: { kind: 'chat', chatId: group.id },
      clientId: '0xabc',
      content: 'hello',
      extra: '{"k":1}',
      type: 2,
    });
    expect(duplicate).toBe(false);
    expect(message).toMatchObject({
      clientId: '0xabc',
      chatId: group.id,
      chatNum: group.num,
      chatType: 2,
      seq: 1,
      senderId: 'a',
      content: 'hello',
      extra: '{"k":1}',
      type: 2,
      isEnc: 0,
      isRead: true,
      recall: null,
      gap: false,
    });
    expect(message.createdAt).toBeGreaterThanOrEqual(START_TIME);
    expect(f.events).toEqual([
      expect.objectContaining({
        kind: 'message.sent',
        chatId: group.id,
        chatNum: group.num,
        actorId: 'a',
        messageNum: message.num,
        sequence: 1,
        at: message.createdAt,
        audience: ['a', 'b'],
      }),
    ]);
    expect((await f.store.chats.get(group.id))?.lastTime).toBe(message.createdAt);
  });

  it('returns the first result on a retry and 409 on the same id with different content', async () => {
    const f = fixture();
    await users(f, 'a', 'b');
    const group = await chat(f, 2, 'a', ['b']);
    const input = {
      to: { kind: 'chat' as const, chatId: group.id },
      clientId: 'm1',
      content: 'x',
      receiveIds: ['b'],
    };
    const first = await f.domain.messaging.send(as('a'), input);
    const retry = await f.domain.messaging.send(as('a'), { ...input, receiveIds: ['b', 'b'] });
    expect(retry).toEqual({ message: first.message, duplicate: true });
    expect(f.events).toHaveLength(1);
    await expect(f.domain.messaging.send(as('a'), { ...input, content: 'y' })).rejects.toMatchObject({
      status: 409,
    });
    // client ids are per (chat, sender): another sender may use the same one
    expect((await f.domain.messaging.send(as('b'), { ...input, receiveIds: [] })).duplicate).toBe(false);
  });

  it('settles a retry past the idempotency window without keeping a sequence: given back, or filled when taken after', async () => {
    const f = fixture();
    await users(f, 'a', 'b');
    const group = await chat(f, 2, 'a', ['b']);
    const to = { kind: 'chat' as const, chatId: group.id };
    const first = await f.domain.messaging.send(as('a'), { to, clientId: 'r', content: 'x' });
    const pushOut = async (round: number) => {
      for (let i = 0; i < RECENT_SENDS; i += 1)
        await f.domain.messaging.send(as('b'), { to, clientId: `b${round}-${i}`, content: 'y' });
    };
    await pushOut(1);
    const retry = await f.domain.messaging.send(as('a'), { to, clientId: 'r', content: 'x' });
    expect(retry).toMatchObject({ duplicate: true, message: { num: first.message.num, seq: 1 } });
    expect((await f.store.chats.get(group.id))?.lastSeq).toBe(RECENT_SENDS + 1); // the sequence it took was given back
    // when a concurrent send took the next sequence meanwhile, the one taken in vain becomes a tombstone
    await pushOut(2);
    const lastSeq = 2 * RECENT_SENDS + 1;
    const store = { ...f.store, chats: { ...f.store.chats, releaseSeq: async () => false } };
    const racing = createDomain({ store, events: { publish: async () => undefined } });
    expect((await racing.messaging.send(as('a'), { to, clientId: 'r', content: 'x' })).duplicate).toBe(true);
    const views = await f.domain.reading.list(as('b'), to, { limit: 2 });
    expect(views.map((v) => [v.seq, v.gap])).toEqual([
      [lastSeq, false],
      [lastSeq + 1, true],
    ]);
    await expect(racing.messaging.send(as('a'), { to, clientId: 'r', content: 'y' })).rejects.toMatchObject({
      status: 409,
    });
  });

  it('answers a retry of a recalled message with its tombstone, and of a cleared one with 409', async () => {
    const f = fixture();
    await users(f, 'a');
    const group = await chat(f, 2, 'a', []);
    const input = { to: { kind: 'chat' as const, chatId: group.id }, clientId: 'm1', content: 'x' };
    await f.domain.messaging.send(as('a'), input);
    await f.domain.messaging.recallByClientIds(as('a'), ['m1']);
    const retry = await f.domain.messaging.send(as('a'), input);
    expect(retry.duplicate).toBe(true);
    expect(retry.message.recall?.recallSeq).toBe(1);
    await f.domain.messaging.clearChats(f.admin, [group.id]);
    await expect(f.domain.messaging.send(as('a'), input)).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('generates a client id when the dialect has none (imchat)', async () => {
    const f = fixture();
    await users(f, 'a', 'b');
    await chat(f, 1, 'a', ['b']);
    const one = await f.domain.messaging.send(as('a'), { to: { kind: 'direct', peerId: 'b' }, content: 'x' });
    const two = await f.domain.messaging.send(as('a'), { to: { kind: 'direct', peerId: 'b' }, content: 'x' });
    expect(one.message.clientId).not.toBe(two.message.clientId);
    expect([one.message.seq, two.message.seq]).toEqual([1, 2]);
    expect(one.message).toMatchObject({ targetId: 'b', peerId: 'b', chatType: 1 });
  });

  it('resolves conversations: unknown is 404, non-member 403, group ref to a single chat 404', async () => {
    const f = fixture();
    await users(f, 'a', 'b', 'c');
    const single = await chat(f, 1, 'a', ['b']);
    const send = (user: string, to: Parameters<typeof f.domain.messaging.send>[1]['to']) =>
      f.domain.messaging.send(as(user), { to, content: 'x' });
    await expect(send('a', { kind: 'chat', chatId: 'nope' })).rejects.toMatchObject({ status: 404 });
    await expect(send('c', { kind: 'chat', chatId: single.id })).rejects.toMatchObject({ status: 403 });
    await expect(send('a', { kind: 'group', chatId: single.id })).rejects.toMatchObject({ status: 404 });
    await expect(send('a', { kind: 'direct', peerId: 'c' })).rejects.toMatchObject({ status: 404 });
    await expect(send('a', { kind: 'direct', peerId: 'a' })).rejects.toMatchObject({ status: 404 });
    await expect(send('b', { kind: 'direct', peerId: 'a' })).resolves.toBeDefined();
  });

  it('validates values the schema cannot express', async () => {
    const f = fixture();
    await users(f, 'a', 'b', 'c');
    const group = await chat(f, 2, 'a', ['b']);
    const to = { kind: 'chat' as const, chatId: group.id };
    await expect(f.domain.messaging.send(as('a'), { to, content: 'x', type: 0 })).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(
      f.domain.messaging.send(as('a'), { to, content: 'x', receiveIds: ['c'] }),
    ).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(f.domain.messaging.send(as('a'), { to, content: 'x', clientId: '' })).rejects.toMatchObject({
      kind: 'invalid',
    });
  });

  it('refuses sends to a disabled chat', async () => {
    const f = fixture();
    await users(f, 'a');
    const group = await chat(f, 2, 'a', [], { status: 2 });
    await expect(say(f, 'a', group.id, 'x')).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('narrows the event audience to receive ids plus the sender, and un-hides the chat', async () => {
    const f = fixture();
    await users(f, 'a', 'b', 'c');
    const group = await chat(f, 2, 'a', ['b', 'c']);
    await f.domain.messaging.hideChats(as('c'), [group.id]);
    await say(f, 'a', group.id, 'x', { receiveIds: ['b'] });
    expect(f.events.at(-1)?.audience).toEqual(['b', 'a']);
    const [view] = await f.domain.chats.details(as('c'), [group.id]);
    expect(view).toMatchObject({ isHide: 0, isShow: 1, lastSeq: 1 });
  });
});
