import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extraToWire } from '../../../src/dialects/messages/message-wire.ts';
import { expectError, freshId, send, startWorld, type World } from './fixture.ts';

/** `openapi/messages.yaml#/paths/~1messages~1detail` over a real gateway. */
describe('POST /messages/detail', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(() => w.gw.close());

  const detail = async (token: string, ids: string[]) => {
    const answer = await w.post('/messages/detail', token, { ids });
    expect(answer.status).toBe(200);
    return answer.body.data.items as Record<string, unknown>[];
  };

  it('returns every field of a visible message', async () => {
    const sent = await send(w, w.tokens.owner, w.group, 'body', { type: 3, is_enc: 1 });
    expect(await detail(w.tokens.member, [sent.id])).toEqual([
      {
        id: sent.id,
        chat_id: w.group,
        from_uid: 'owner',
        content: 'body',
        status: 1,
        type: 3,
        is_enc: 1,
        sequence: sent.sequence,
        extra: {},
        action: {},
        created_at: sent.created_at,
        chat_num: sent.chat_num,
        msg_num: sent.msg_num,
      },
    ]);
  });

  it('shows a recalled message with status 2, content "" and extra {}', async () => {
    const sent = await send(w, w.tokens.member, w.group, 'oops');
    await w.post('/messages/delete-batch', w.tokens.member, { ids: [sent.id] });
    expect(await detail(w.tokens.other, [sent.id])).toEqual([
      expect.objectContaining({ id: sent.id, status: 2, content: '', extra: {}, sequence: sent.sequence }),
    ]);
  });

  it('leaves out what the caller cannot see: non-members, non-addressed, hidden and unknown ids', async () => {
    const open = await send(w, w.tokens.owner, w.group, 'open');
    const addressed = await send(w, w.tokens.owner, w.group, 'to member', { receive_ids: ['member'] });
    const ids = [open.id, addressed.id, 'unknown-id'];
    expect(await detail(w.tokens.outsider, ids)).toEqual([]);
    expect((await detail(w.tokens.other, ids)).map((item) => item.id)).toEqual([open.id]);
    expect((await detail(w.tokens.member, ids)).map((item) => item.id)).toEqual([open.id, addressed.id]);
    await w.post('/messages/delete-self-all', w.tokens.member, { ids: [open.id] });
    expect((await detail(w.tokens.member, ids)).map((item) => item.id)).toEqual([addressed.id]);
  });

  it('returns every visible match when senders shared a client id', async () => {
    const id = freshId();
    await w.post('/message/send', w.tokens.owner, { id, chat_id: w.group, content: 'a' });
    await w.post('/message/send', w.tokens.other, { id, chat_id: w.group, content: 'b' });
    expect((await detail(w.tokens.member, [id])).map((item) => item.content)).toEqual(['a', 'b']);
  });

  it('refuses invalid bodies with 400 and answers 401 without a token', async () => {
    expectError(await w.post('/messages/detail', w.tokens.owner, { ids: [] }), 400, 'ids');
    expectError(await w.post('/messages/detail', w.tokens.owner, {}), 400, 'ids');
    const tooMany = Array.from({ length: 101 }, (_, i) => `id${i}`);
    expectError(await w.post('/messages/detail', w.tokens.owner, { ids: tooMany }), 400, 'ids');
    expectError(await w.post('/messages/detail', undefined, { ids: ['x'] }), 401);
    expectError(await w.post('/messages/detail', w.tokens.owner, { ids: ['x'.repeat(1024 * 1024)] }), 413);
  });
});

describe('extraToWire (openapi/components/messages-schemas.yaml#/MessageDetail extra)', () => {
  it.each([
    ['', {}],
    ['{"a":1}', { a: 1 }],
    ['[1]', { raw: '[1]' }],
    ['null', { raw: 'null' }],
    ['plain', { raw: 'plain' }],
  ])('%j -> %j', (stored, wire) => {
    expect(extraToWire(stored)).toEqual(wire);
  });
});
