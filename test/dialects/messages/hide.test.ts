import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, latest, send, startWorld, type World } from './fixture.ts';

/**
 * Hiding for the caller only: `openapi/messages.yaml#/paths/~1messages~1delete-self-all` and
 * `#/paths/~1messages~1delete-self-chat-ids` (other members keep seeing everything).
 */
describe('hide for me', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(() => w.gw.close());

  const seqs = async (token: string, chat: string) => (await latest(w, token, chat)).map((i) => i.sequence);

  it('delete-self-all hides messages for the caller only, unlike a recall', async () => {
    const chat = await w.chat(2, 'owner', ['member']);
    const a = await send(w, w.tokens.owner, chat, 'a');
    const b = await send(w, w.tokens.member, chat, 'b');
    const ok = await w.post('/messages/delete-self-all', w.tokens.member, { ids: [a.id, b.id, 'unknown'] });
    expect(ok.body).toEqual({ code: 200, data: null, msg: '' });
    expect(await seqs(w.tokens.member, chat)).toEqual([]);
    expect(await seqs(w.tokens.owner, chat)).toEqual([1, 2]);
    const detail = await w.post('/messages/detail', w.tokens.owner, { ids: [a.id, b.id] });
    expect(detail.body.data.items.map((m: { content: string }) => m.content)).toEqual(['a', 'b']);
  });

  it('delete-self-all answers 404 when no id is visible to the caller', async () => {
    const chat = await w.chat(2, 'owner', ['member']);
    const a = await send(w, w.tokens.owner, chat, 'a');
    expectError(await w.post('/messages/delete-self-all', w.tokens.member, { ids: ['unknown'] }), 404);
    expectError(await w.post('/messages/delete-self-all', w.tokens.outsider, { ids: [a.id] }), 404);
    await w.post('/messages/delete-self-all', w.tokens.member, { ids: [a.id] });
    expectError(await w.post('/messages/delete-self-all', w.tokens.member, { ids: [a.id] }), 404);
  });

  it('delete-self-chat-ids hides current messages for the caller; later ones are visible', async () => {
    const chat = await w.chat(2, 'owner', ['member']);
    await send(w, w.tokens.owner, chat, 'a');
    await send(w, w.tokens.member, chat, 'b');
    const ok = await w.post('/messages/delete-self-chat-ids', w.tokens.member, { chat_ids: [chat] });
    expect(ok.status).toBe(200);
    expect(await seqs(w.tokens.member, chat)).toEqual([]);
    expect(await seqs(w.tokens.owner, chat)).toEqual([1, 2]);
    await send(w, w.tokens.owner, chat, 'c');
    expect(await seqs(w.tokens.member, chat)).toEqual([3]);
  });

  it('delete-self-chat-ids is all or nothing: 404 unknown chat, 403 non-member', async () => {
    const chat = await w.chat(2, 'owner', ['member']);
    await send(w, w.tokens.owner, chat, 'a');
    const foreign = await w.chat(1, 'other', ['outsider']);
    const hide = (chats: string[]) =>
      w.post('/messages/delete-self-chat-ids', w.tokens.member, { chat_ids: chats });
    expectError(await hide([chat, 'nope']), 404);
    expectError(await hide([chat, foreign]), 403);
    expect(await seqs(w.tokens.member, chat)).toEqual([1]);
    expectError(await hide([]), 400, 'chat_ids');
    expectError(await w.post('/messages/delete-self-all', w.tokens.member, { ids: [''] }), 400, 'ids');
  });
});
