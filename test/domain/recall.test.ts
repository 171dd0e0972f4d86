import { describe, expect, it } from 'vitest';
import { type MessageRecalled, messageEvents } from '../../src/domain/index.ts';
import { as, chat, type DomainFixture, say, useDomain, users } from './fixture.ts';

async function group3(f: DomainFixture) {
  await users(f, 'a', 'b', 'c');
  const group = await chat(f, 2, 'a', ['b', 'c']);
  return { group, to: { kind: 'chat' as const, chatId: group.id } };
}

/** Recall events as frames: each bulk `messages.recalled` fanned out per message, as push does. */
const recalls = (f: DomainFixture) =>
  f.events.flatMap(messageEvents).filter((e): e is MessageRecalled => e.kind === 'message.recalled');

describe('recall', () => {
  const fixture = useDomain();

  it('lets only the sender recall, destroys content for everyone and numbers recalls from 1', async () => {
    const f = fixture();
    const { group, to } = await group3(f);
    const sent = await say(f, 'b', group.id, 'secret', { clientId: 'x' });
    await f.store.messages.getByNum(sent.num);
    await expect(f.domain.messaging.recallBySeq(as('a'), to, 1)).rejects.toMatchObject({ status: 403 });
    const result = await f.domain.messaging.recallBySeq(as('b'), to, 1);
    expect(result).toEqual({ num: sent.num, chatId: group.id, seq: 1, recallSeq: 1, alreadyRecalled: false });
    const [view] = await f.domain.reading.list(as('c'), to, { limit: 5 });
    expect(view).toMatchObject({ content: '', extra: '', recall: { recallSeq: 1, recalledBy: 'b' } });
    expect(recalls(f)).toEqual([
      expect.objectContaining({
        messageNum: sent.num,
        sequence: 1,
        recallSequence: 1,
        actorId: 'b',
        audience: ['a', 'b', 'c'],
      }),
    ]);
  });

  it('returns the same recall sequence on a second recall and publishes nothing new', async () => {
    const f = fixture();
    const { group, to } = await group3(f);
    const sent = await say(f, 'a', group.id, 'x');
    await f.domain.messaging.recallByNum(as('a'), sent.num, 'group');
    const again = await f.domain.messaging.recallBySeq(as('a'), to, 1);
    expect(again).toMatchObject({ recallSeq: 1, alreadyRecalled: true });
    expect(recalls(f)).toHaveLength(1);
  });

  it('keeps recall sequences gap-free under concurrent recalls of the same and different messages', async () => {
    const f = fixture();
    const { group } = await group3(f);
    const sent = [];
    for (let i = 0; i < 10; i += 1) sent.push(await say(f, 'a', group.id, `${i}`));
    const results = await Promise.all(
      [...sent, ...sent].map((m) => f.domain.messaging.recallByNum(as('a'), m.num)),
    );
    const fresh = results.filter((r) => !r.alreadyRecalled).map((r) => r.recallSeq);
    expect(fresh.sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(results.every((r) => r.recallSeq > 0)).toBe(true);
    expect(recalls(f)).toHaveLength(10);
  });

  it('hides a recall target the actor cannot see (404) and refuses the wrong record channel', async () => {
    const f = fixture();
    const { group, to } = await group3(f);
    const sent = await say(f, 'a', group.id, 'for b', { receiveIds: ['b'] });
    await expect(f.domain.messaging.recallBySeq(as('c'), to, 1)).rejects.toMatchObject({ status: 404 });
    await expect(f.domain.messaging.recallBySeq(as('b'), to, 1)).rejects.toMatchObject({ status: 403 });
    await expect(f.domain.messaging.recallByNum(as('a'), sent.num, 'private')).rejects.toMatchObject({
      status: 404,
    });
    await expect(f.domain.messaging.recallBySeq(as('a'), to, 9)).rejects.toMatchObject({ status: 404 });
  });

  it('recalls own messages by client ids and skips ids of others', async () => {
    const f = fixture();
    const { group } = await group3(f);
    await say(f, 'a', group.id, '1', { clientId: 'k1' });
    await say(f, 'b', group.id, '2', { clientId: 'k2' });
    const results = await f.domain.messaging.recallByClientIds(as('a'), ['k1', 'k2', 'k1']);
    expect(results.map((r) => [r.seq, r.recallSeq])).toEqual([[1, 1]]);
    const again = await f.domain.messaging.recallByClientIds(as('a'), ['k1']);
    expect(again).toEqual([expect.objectContaining({ alreadyRecalled: true, recallSeq: 1 })]);
  });

  it('recalls all own messages of chats (delete-chat-ids), members only', async () => {
    const f = fixture();
    const { group, to } = await group3(f);
    await say(f, 'a', group.id, '1');
    await say(f, 'b', group.id, '2');
    await say(f, 'a', group.id, '3');
    const results = await f.domain.messaging.recallOwnInChats(as('a'), [group.id]);
    expect(results.map((r) => r.seq)).toEqual([1, 3]);
    const views = await f.domain.reading.list(as('c'), to, { limit: 5 });
    expect(views.map((v) => v.content)).toEqual(['', '2', '']);
    await expect(f.domain.messaging.recallOwnInChats(as('z'), [group.id])).rejects.toMatchObject({
      status: 403,
    });
    await expect(f.domain.messaging.recallOwnInChats(as('a'), ['nope'])).rejects.toMatchObject({
      status: 404,
    });
  });

  it('publishes one event per bulk recall, carrying every message number and its own audience', async () => {
    const f = fixture();
    const { group } = await group3(f);
    const nums = [];
    for (let i = 0; i < 5; i += 1) nums.push((await say(f, 'b', group.id, `${i}`)).num);
    nums.push((await say(f, 'c', group.id, 'for b', { receiveIds: ['b'] })).num);
    const before = f.events.length;
    await f.domain.messaging.revokeAllInChats(as('a'), [group.id]);
    const [event, ...rest] = f.events.slice(before);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ kind: 'messages.recalled', chatId: group.id, actorId: 'a' });
    if (!event) throw new Error('no event');
    const frames = messageEvents(event);
    expect(frames.map((e) => e.messageNum)).toEqual(nums);
    expect(frames.map((e) => e.kind === 'message.recalled' && e.recallSequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(frames.at(-1)?.audience).toEqual(['b', 'c']);
  });

  it('revokes every message of a chat for its creator or an admin only', async () => {
    const f = fixture();
    const { group } = await group3(f);
    await say(f, 'b', group.id, '1');
    await say(f, 'c', group.id, '2');
    await expect(f.domain.messaging.revokeAllInChats(as('b'), [group.id])).rejects.toMatchObject({
      status: 403,
    });
    expect((await f.domain.messaging.revokeAllInChats(as('a'), [group.id])).map((r) => r.recallSeq)).toEqual([
      1, 2,
    ]);
    await say(f, 'b', group.id, '3');
    expect((await f.domain.messaging.revokeAllInChats(f.admin, [group.id])).map((r) => r.recallSeq)).toEqual([
      3,
    ]);
  });

  it('clears chats for good (admin only): invisible everywhere, withdraw events with recall sequence 0', async () => {
    const f = fixture();
    const { group, to } = await group3(f);
    const one = await say(f, 'a', group.id, '1', { clientId: 'c1' });
    await say(f, 'b', group.id, '2');
    await f.domain.messaging.recallByNum(as('b'), one.num + 1);
    const before = f.events.length;
    await expect(f.domain.messaging.clearChats(as('a'), [group.id])).rejects.toMatchObject({ status: 403 });
    expect(await f.domain.messaging.clearChats(f.admin, [group.id])).toBe(2);
    const cleared = f.events.slice(before);
    expect(cleared).toHaveLength(1); // one event for the action
    expect(cleared.flatMap(messageEvents)).toEqual([
      expect.objectContaining({ kind: 'message.recalled', messageNum: one.num, recallSequence: 0 }),
    ]);
    expect(await f.domain.reading.list(as('a'), to, { limit: 10 })).toEqual([]);
    expect(await f.domain.reading.detail(as('a'), ['c1'])).toEqual([]);
    expect(await f.domain.reading.sync(as('a'), 0, 10)).toEqual([]);
    await expect(f.domain.reading.getByNum(as('a'), one.num)).rejects.toMatchObject({ status: 404 });
    expect((await say(f, 'a', group.id, 'after')).seq).toBe(3);
  });
});
