import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, freshId, latest, send, startWorld, type World } from './fixture.ts';

/** `openapi/messages.yaml#/paths/~1message~1send` over a real gateway. */
describe('POST /message/send', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(() => w.gw.close());

  it('stores the message and answers its id, chat, sequence and instant', async () => {
    const before = Date.now();
    const answer = await w.post('/message/send', w.tokens.owner, {
      id: 'hello-1',
      chat_id: w.group,
      content: 'hi',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ code: 200, msg: '', data: { id: 'hello-1', chat_id: w.group } });
    expect(answer.body.data.sequence).toBeGreaterThanOrEqual(1);
    expect(answer.body.data.created_at).toBeGreaterThanOrEqual(before);
  });

  it('is idempotent on (sender, id): a retry returns the same sequence, other content is a 409', async () => {
    const body = { id: freshId(), chat_id: w.group, content: 'once' };
    const first = await w.post('/message/send', w.tokens.member, body);
    const retry = await w.post('/message/send', w.tokens.member, body);
    expect(retry.status).toBe(200);
    expect(retry.body.data).toEqual(first.body.data);
    expectError(await w.post('/message/send', w.tokens.member, { ...body, content: 'twice' }), 409);
    const items = await latest(w, w.tokens.member, w.group);
    expect(items.filter((item) => item.id === body.id)).toHaveLength(1);
  });

  it('lets another sender reuse a client id (idempotency is per sender)', async () => {
    const id = freshId();
    const a = await w.post('/message/send', w.tokens.owner, { id, chat_id: w.group, content: 'x' });
    const b = await w.post('/message/send', w.tokens.other, { id, chat_id: w.group, content: 'x' });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body.data.sequence).toBe(a.body.data.sequence + 1);
  });

  it('hands out gap-free sequences under concurrent sends', async () => {
    const chat = await w.chat(2, 'owner', ['member']);
    const tokens = [w.tokens.owner, w.tokens.member];
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, i) => send(w, tokens[i % 2] as string, chat, `c${i}`)),
    );
    expect(sent.map((s) => s.sequence).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect((await latest(w, w.tokens.owner, chat)).map((item) => item.sequence)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });

  it('accepts type, is_enc and receive_ids; a non-addressed member never sees the message', async () => {
    const data = await send(w, w.tokens.owner, w.group, 'secret', {
      type: 2,
      is_enc: 1,
      receive_ids: ['member'],
    });
    const seen = async (token: string) =>
      (await latest(w, token, w.group)).some((item) => item.sequence === data.sequence);
    expect([await seen(w.tokens.owner), await seen(w.tokens.member), await seen(w.tokens.other)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('refuses invalid bodies with 400 naming the field', async () => {
    const base = { id: freshId(), chat_id: w.group, content: 'x' };
    expectError(await w.post('/message/send', w.tokens.owner, { id: base.id, content: 'x' }), 400, 'chat_id');
    expectError(await w.post('/message/send', w.tokens.owner, { ...base, id: '' }), 400, 'id');
    expectError(await w.post('/message/send', w.tokens.owner, { ...base, type: 0 }), 400, 'type');
    expectError(await w.post('/message/send', w.tokens.owner, { ...base, is_enc: 2 }), 400, 'is_enc');
    expectError(await w.post('/message/send', w.tokens.owner, { ...base, colour: 'red' }), 400, 'colour');
    expectError(await w.post('/message/send', w.tokens.owner, { ...base, receive_ids: ['outsider'] }), 400);
    expectError(await w.post('/message/send', w.tokens.owner, { ...base, content: 7 }), 400, 'content');
  });

  it('answers 401 without a valid token, 403 to a non-member, 404 for an unknown chat', async () => {
    const body = () => ({ id: freshId(), chat_id: w.group, content: 'x' });
    expectError(await w.post('/message/send', undefined, body()), 401);
    expectError(await w.post('/message/send', 'not-a-jwt', body()), 401);
    expectError(await w.post('/message/send', w.tokens.outsider, body()), 403);
    expectError(await w.post('/message/send', w.tokens.owner, { ...body(), chat_id: 'no-such-chat' }), 404);
  });

  it('refuses a body above 1 MiB with 413', async () => {
    const content = 'x'.repeat(1024 * 1024 + 1);
    expectError(
      await w.post('/message/send', w.tokens.owner, { id: freshId(), chat_id: w.group, content }),
      413,
    );
  });
});
