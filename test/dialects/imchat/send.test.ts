import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupOf, imPull, imSend, userTarget } from './helpers.ts';
import { expectError, OVERSIZED, startWorld, type World } from './world.ts';

/** `openapi/imchat.yaml#/paths/~1im.chat~1send` over a real gateway. */
describe('POST /im.chat/send', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(() => w.gw.close());

  it('stores the message: next msg_index and the instant as exact int64 nanoseconds', async () => {
    const before = BigInt(Date.now());
    const first = await imSend(w, w.tokens.member, groupOf(w), 'one', '{"k":1}');
    const second = await imSend(w, w.tokens.owner, groupOf(w), 'two');
    const after = BigInt(Date.now());
    expect(second.msgIndex).toBe(first.msgIndex + 1);
    for (const { timestamp } of [first, second]) {
      expect(timestamp % 1_000_000n).toBe(0n);
      expect(timestamp / 1_000_000n >= before && timestamp / 1_000_000n <= after).toBe(true);
    }
    const { msgs } = await imPull(w, w.tokens.other, groupOf(w), first.msgIndex);
    expect(msgs.map((m) => [m.msg, m.extra, m.sender])).toEqual([
      ['one', '{"k":1}', 'member'],
      ['two', '', 'owner'],
    ]);
  });

  it('sends to a user through the single chat with that user', async () => {
    const sent = await imSend(w, w.tokens.owner, userTarget('member'), 'direct');
    const { msgs } = await imPull(w, w.tokens.member, userTarget('owner'), sent.msgIndex);
    expect(msgs).toMatchObject([
      { msg_index: sent.msgIndex, msg: 'direct', target: 'member', target_type: 'user' },
    ]);
  });

  it('is not idempotent: the same body twice stores two messages', async () => {
    const a = await imSend(w, w.tokens.member, groupOf(w), 'again');
    const b = await imSend(w, w.tokens.member, groupOf(w), 'again');
    expect(b.msgIndex).toBe(a.msgIndex + 1);
  });

  it('answers 400 naming the field', async () => {
    const send = (json: unknown) => w.post('/im.chat/send', w.tokens.member, json);
    expectError(await send({ target_type: 'group', msg: 'x' }), 400, 'target');
    expectError(await send({ ...groupOf(w), target: '' }), 400, 'target');
    expectError(await send({ target: w.group, target_type: 'room', msg: 'x' }), 400, 'target_type');
    expectError(await send({ ...groupOf(w), msg: '' }), 400, 'msg');
    expectError(await send({ ...groupOf(w), msg: 'x', extra: 3 }), 400, 'extra');
    expectError(await send({ ...groupOf(w), msg: 'x', id: 'nope' }), 400, 'id');
  });

  it('answers 401 without a valid token', async () => {
    const body = { ...groupOf(w), msg: 'x' };
    expectError(await w.post('/im.chat/send', undefined, body), 401);
    expectError(await w.post('/im.chat/send', 'not-a-jwt', body), 401);
  });

  it('answers 403 to a non-member of the group', async () => {
    expectError(await w.post('/im.chat/send', w.tokens.outsider, { ...groupOf(w), msg: 'x' }), 403);
  });

  it('answers 404 for an unknown group, a single chat addressed as a group, and a user without a single chat', async () => {
    const send = (to: object) => w.post('/im.chat/send', w.tokens.member, { ...to, msg: 'x' });
    expectError(await send({ target: 's_nope', target_type: 'group' }), 404);
    expectError(await send({ target: w.direct, target_type: 'group' }), 404);
    expectError(await send(userTarget('other')), 404);
    expectError(await send(userTarget('nobody')), 404);
  });

  it('answers 413 above the body limit', async () => {
    expectError(await w.post('/im.chat/send', w.tokens.member, { ...groupOf(w), msg: OVERSIZED }), 413);
  });
});
