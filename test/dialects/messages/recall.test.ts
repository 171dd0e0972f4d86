import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, latest, send, startWorld, type World } from './fixture.ts';

/**
 * The recalls of `openapi/messages.yaml`: `/messages/delete-batch`, `/messages/delete-chat-ids`,
 * `/messages/revoke-chat-ids` and the hard `/messages/clear-chat-ids`.
 */
describe('recall and clear', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(() => w.gw.close());

  const contents = async (token: string, chat: string) => {
    const items = await latest(w, token, chat);
    const answer = await w.post('/messages/detail', token, { ids: items.map((i) => i.id) });
    return (answer.body.data.items as { sequence: number; content: string; status: number }[]).map(
      (m) => `${m.sequence}:${m.status}:${m.content}`,
    );
  };

  it('delete-batch recalls own messages for everyone; 403 for others, 404 for nothing, re-recall is a no-op', async () => {
    const chat = await w.chat(2, 'owner', ['member', 'other']);
    const mine = await send(w, w.tokens.member, chat, 'mine');
    const theirs = await send(w, w.tokens.other, chat, 'theirs');
    expectError(await w.post('/messages/delete-batch', w.tokens.member, { ids: [theirs.id] }), 403);
    expectError(await w.post('/messages/delete-batch', w.tokens.member, { ids: ['unknown'] }), 404);
    expectError(await w.post('/messages/delete-batch', w.tokens.outsider, { ids: [mine.id] }), 404);
    const ok = await w.post('/messages/delete-batch', w.tokens.member, { ids: [mine.id, theirs.id] });
    expect(ok.body).toEqual({ code: 200, data: null, msg: '' });
    expect(await contents(w.tokens.owner, chat)).toEqual(['1:2:', '2:1:theirs']);
    expect((await w.post('/messages/delete-batch', w.tokens.member, { ids: [mine.id] })).status).toBe(200);
    expect(await contents(w.tokens.other, chat)).toEqual(['1:2:', '2:1:theirs']);
  });

  it('delete-chat-ids recalls every message the caller sent in the chats, all or nothing', async () => {
    const chat = await w.chat(2, 'owner', ['member', 'other']);
    await send(w, w.tokens.member, chat, 'a');
    await send(w, w.tokens.other, chat, 'b');
    await send(w, w.tokens.member, chat, 'c');
    const foreign = await w.chat(1, 'other', ['outsider']);
    expectError(
      await w.post('/messages/delete-chat-ids', w.tokens.member, { chat_ids: [chat, foreign] }),
      403,
    );
    expectError(
      await w.post('/messages/delete-chat-ids', w.tokens.member, { chat_ids: [chat, 'nope'] }),
      404,
    );
    expect(await contents(w.tokens.owner, chat)).toEqual(['1:1:a', '2:1:b', '3:1:c']);
    expect((await w.post('/messages/delete-chat-ids', w.tokens.member, { chat_ids: [chat] })).status).toBe(
      200,
    );
    expect(await contents(w.tokens.owner, chat)).toEqual(['1:2:', '2:1:b', '3:2:']);
  });

  it('revoke-chat-ids recalls every sender for the chat owner or an admin only', async () => {
    const chat = await w.chat(2, 'owner', ['member', 'other']);
    await send(w, w.tokens.member, chat, 'a');
    await send(w, w.tokens.other, chat, 'b');
    expectError(await w.post('/messages/revoke-chat-ids', w.tokens.member, { chat_ids: [chat] }), 403);
    expectError(await w.post('/messages/revoke-chat-ids', w.tokens.owner, { chat_ids: ['nope'] }), 404);
    expect((await w.post('/messages/revoke-chat-ids', w.tokens.owner, { chat_ids: [chat] })).status).toBe(
      200,
    );
    expect(await contents(w.tokens.member, chat)).toEqual(['1:2:', '2:2:']);
    await send(w, w.tokens.member, chat, 'c');
    expect((await w.post('/messages/revoke-chat-ids', w.admin, { chat_ids: [chat] })).status).toBe(200);
    expect(await contents(w.tokens.member, chat)).toEqual(['1:2:', '2:2:', '3:2:']);
  });

  it('clear-chat-ids (admin) removes messages for good; sequences continue after them', async () => {
    const chat = await w.chat(2, 'owner', ['member']);
    const gone = await send(w, w.tokens.member, chat, 'a');
    await send(w, w.tokens.owner, chat, 'b');
    expectError(await w.post('/messages/clear-chat-ids', w.tokens.owner, { chat_ids: [chat] }), 403);
    expectError(await w.post('/messages/clear-chat-ids', w.admin, { chat_ids: ['nope'] }), 404);
    expect((await w.post('/messages/clear-chat-ids', w.admin, { chat_ids: [chat] })).status).toBe(200);
    expect(await latest(w, w.tokens.member, chat)).toEqual([]);
    const detail = await w.post('/messages/detail', w.tokens.member, { ids: [gone.id] });
    expect(detail.body.data.items).toEqual([]);
    const retry = await w.post('/message/send', w.tokens.member, {
      id: gone.id,
      chat_id: chat,
      content: 'a',
    });
    expectError(retry, 409);
    expect((await send(w, w.tokens.owner, chat, 'after')).sequence).toBe(3);
    expect(await contents(w.tokens.member, chat)).toEqual(['3:1:after']);
    expectError(await w.post('/messages/delete-batch', w.tokens.member, { ids: [gone.id] }), 404);
  });

  it('refuses invalid chat id lists with 400 naming the field', async () => {
    for (const path of [
      '/messages/delete-chat-ids',
      '/messages/revoke-chat-ids',
      '/messages/clear-chat-ids',
    ]) {
      expectError(await w.post(path, w.admin, { chat_ids: [] }), 400, 'chat_ids');
      expectError(await w.post(path, w.admin, { chat_ids: [''] }), 400, 'chat_ids');
      expectError(await w.post(path, w.admin, { ids: [w.group] }), 400);
    }
    expectError(await w.post('/messages/delete-batch', w.tokens.owner, { ids: [] }), 400, 'ids');
  });
});
