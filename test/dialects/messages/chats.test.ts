import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, send, startWorld, type World } from './fixture.ts';

/**
 * The caller's chats (seed 002): `openapi/messages.yaml#/paths/~1chat~1mine-list`,
 * `#/paths/~1chat~1detail` and `#/paths/~1chat~1delete`.
 */
describe('chats', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(() => w.gw.close());

  type Membership = { chat_id: string; is_hide: number; is_show: number; max_read_seq: number };
  const mine = async (token: string) => {
    const answer = await w.post('/chat/mine-list', token, {});
    expect(answer.status).toBe(200);
    return answer.body.data.items as (Membership & Record<string, unknown>)[];
  };
  const ack = (token: string, peer: string, index: number) =>
    w.gw.call('/im.chat/ack', { token, json: { target: peer, target_type: 'user', msg_index: index } });

  it('mine-list lists every chat of the caller, newest message first, with its membership state', async () => {
    const quiet = await w.chat(2, 'owner', ['member']);
    const busy = await w.chat(1, 'owner', ['member']);
    await send(w, w.tokens.owner, busy, 'hi');
    await send(w, w.tokens.owner, busy, 'again');
    expect((await ack(w.tokens.member, 'owner', 2)).status).toBe(200);
    const items = await mine(w.tokens.member);
    expect(items[0]?.chat_id).toBe(busy);
    expect(items.map((i) => i.chat_id).sort()).toEqual([busy, w.group, quiet].sort());
    expect(items[0]).toMatchObject({
      id: busy,
      chat_id: busy,
      is_top: 0,
      is_mute: 0,
      is_show: 1,
      is_hide: 0,
      max_read_seq: 2,
    });
    expect(items[0]?.last_online_time).toBeGreaterThan(0);
    expect((await mine(w.tokens.outsider)).map((i) => i.chat_id)).toEqual([]);
    const bodiless = await w.gw.call('/chat/mine-list', { method: 'POST', token: w.tokens.member });
    expect(bodiless.status).toBe(200);
    const body = (await bodiless.json()) as { data: { items: unknown[] } };
    expect(body.data.items).toHaveLength(3);
  });

  it('detail shows the chat with the caller read mark; chats of others are absent', async () => {
    const chat = await w.chat(1, 'other', ['member']);
    const sent = await send(w, w.tokens.other, chat, 'x');
    await ack(w.tokens.member, 'other', 1);
    const answer = await w.post('/chat/detail', w.tokens.member, { ids: [chat, 'nope'] });
    expect(answer.body.data.items).toEqual([
      {
        id: chat,
        creator_id: 'other',
        type: 1,
        status: 1,
        is_enc: 0,
        last_read_sequence: 1,
        last_sequence: 1,
        last_time: sent.created_at,
        created_at: expect.any(Number),
        chat_num: sent.chat_num,
      },
    ]);
    expect((await w.post('/chat/detail', w.tokens.owner, { ids: [chat] })).body.data.items).toEqual([]);
    expectError(await w.post('/chat/detail', w.tokens.owner, { ids: [] }), 400, 'ids');
  });

  it('delete hides the chat for the caller only, keeps its messages, and a new message un-hides it', async () => {
    const chat = await w.chat(2, 'owner', ['member', 'other']);
    await send(w, w.tokens.owner, chat, 'before');
    const ok = await w.post('/chat/delete', w.tokens.member, { ids: [chat] });
    expect(ok.body).toEqual({ code: 200, data: null, msg: '' });
    const state = async (token: string) => (await mine(token)).find((i) => i.chat_id === chat);
    expect(await state(w.tokens.member)).toMatchObject({ is_hide: 1, is_show: 0 });
    expect(await state(w.tokens.other)).toMatchObject({ is_hide: 0, is_show: 1 });
    const list = await w.post('/message/list', w.tokens.member, {
      chat_id: chat,
      sequence: 0,
      direction: 'up',
    });
    expect(list.body.data.items).toHaveLength(1);
    await send(w, w.tokens.other, chat, 'after');
    expect(await state(w.tokens.member)).toMatchObject({ is_hide: 0, is_show: 1 });
  });

  it('delete is all or nothing: 404 for an unknown chat, 403 for a chat of others', async () => {
    const chat = await w.chat(2, 'owner', ['member']);
    const foreign = await w.chat(1, 'other', ['outsider']);
    expectError(await w.post('/chat/delete', w.tokens.member, { ids: [chat, 'nope'] }), 404);
    expectError(await w.post('/chat/delete', w.tokens.member, { ids: [chat, foreign] }), 403);
    expect((await mine(w.tokens.member)).find((i) => i.chat_id === chat)).toMatchObject({ is_hide: 0 });
    expectError(await w.post('/chat/delete', w.tokens.member, { chat_ids: [chat] }), 400);
    expectError(await w.post('/chat/mine-list', w.tokens.member, { page: 1 }), 400, 'page');
  });
});
