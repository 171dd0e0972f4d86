import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, latest, send, startWorld, type World } from './fixture.ts';

/** `openapi/messages.yaml#/paths/~1message~1list` over a real gateway. */
describe('POST /message/list', () => {
  let w: World;
  let chat: string;
  beforeAll(async () => {
    w = await startWorld();
    chat = await w.chat(2, 'owner', ['member']);
    for (let i = 1; i <= 7; i += 1) await send(w, i % 2 ? w.tokens.owner : w.tokens.member, chat, `n${i}`);
  });
  afterAll(() => w.gw.close());

  const seqs = async (body: Record<string, unknown>) => {
    const answer = await w.post('/message/list', w.tokens.owner, { chat_id: chat, ...body });
    expect(answer.status).toBe(200);
    return (answer.body.data.items as { sequence: number }[]).map((item) => item.sequence);
  };

  it('pages up from the latest and down from an anchor, always ascending', async () => {
    expect(await seqs({ sequence: 0, direction: 'up', count: 3 })).toEqual([5, 6, 7]);
    expect(await seqs({ sequence: 5, direction: 'up', count: 3 })).toEqual([2, 3, 4]);
    expect(await seqs({ sequence: 2, direction: 'up', count: 3 })).toEqual([1]);
    expect(await seqs({ sequence: 2, direction: 'down', count: 3 })).toEqual([3, 4, 5]);
    expect(await seqs({ sequence: 0, direction: 'down', count: 2 })).toEqual([1, 2]);
    expect(await seqs({ sequence: 7, direction: 'down' })).toEqual([]);
    expect(await seqs({ sequence: 0, direction: 'up' })).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('shows a recalled message as a tombstone with status 2 in its place', async () => {
    const recalledChat = await w.chat(2, 'owner', ['member']);
    const first = await send(w, w.tokens.owner, recalledChat, 'keep');
    const second = await send(w, w.tokens.owner, recalledChat, 'drop');
    expect((await w.post('/messages/delete-batch', w.tokens.owner, { ids: [second.id] })).status).toBe(200);
    const items = await latest(w, w.tokens.member, recalledChat);
    expect(items.map((item) => [item.id, item.sequence, item.status])).toEqual([
      [first.id, 1, 1],
      [second.id, 2, 2],
    ]);
  });

  it('sets is_read for the sender always and for others once their read mark reaches the sequence', async () => {
    const readChat = await w.chat(1, 'owner', ['member']);
    await send(w, w.tokens.owner, readChat, 'a');
    await send(w, w.tokens.owner, readChat, 'b');
    expect((await latest(w, w.tokens.owner, readChat)).map((item) => item.is_read)).toEqual([1, 1]);
    expect((await latest(w, w.tokens.member, readChat)).map((item) => item.is_read)).toEqual([0, 0]);
    const ack = await w.gw.call('/im.chat/ack', {
      token: w.tokens.member,
      json: { target: 'owner', target_type: 'user', msg_index: 1 },
    });
    expect(ack.status).toBe(200);
    expect((await latest(w, w.tokens.member, readChat)).map((item) => item.is_read)).toEqual([1, 0]);
  });

  it('refuses invalid windows with 400 naming the field', async () => {
    const list = (body: Record<string, unknown>) => w.post('/message/list', w.tokens.owner, body);
    expectError(await list({ chat_id: chat, sequence: 0, direction: 'sideways' }), 400, 'direction');
    expectError(await list({ chat_id: chat, sequence: -1, direction: 'up' }), 400, 'sequence');
    expectError(await list({ chat_id: chat, sequence: 0, direction: 'up', count: 101 }), 400, 'count');
    expectError(await list({ chat_id: chat, sequence: 0, direction: 'up', count: 0 }), 400, 'count');
    expectError(await list({ sequence: 0, direction: 'up' }), 400, 'chat_id');
  });

  it('answers 401, 403 to a non-member (no data), 404 for an unknown chat', async () => {
    const body = { chat_id: chat, sequence: 0, direction: 'up' };
    expectError(await w.post('/message/list', undefined, body), 401);
    expectError(await w.post('/message/list', w.tokens.outsider, body), 403);
    expectError(await w.post('/message/list', w.tokens.owner, { ...body, chat_id: 'nope' }), 404);
  });
});
