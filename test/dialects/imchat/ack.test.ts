import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupOf, imSend, userTarget } from './helpers.ts';
import { expectError, OVERSIZED, startWorld, type World } from './world.ts';

/** `openapi/imchat.yaml#/paths/~1im.chat~1ack` over a real gateway. */
describe('POST /im.chat/ack', () => {
  let w: World;
  let last = 0;
  beforeAll(async () => {
    w = await startWorld();
    await imSend(w, w.tokens.owner, groupOf(w), 'one');
    last = (await imSend(w, w.tokens.owner, groupOf(w), 'two')).msgIndex;
    await imSend(w, w.tokens.owner, userTarget('member'), 'hi');
  });
  afterAll(() => w.gw.close());

  const ack = (token: string | undefined, json: unknown) => w.post('/im.chat/ack', token, json);

  it('answers {} and moves the read mark forward only', async () => {
    const forward = await ack(w.tokens.member, { ...groupOf(w), msg_index: last });
    expect([forward.status, forward.body]).toEqual([200, {}]);
    const back = await ack(w.tokens.member, { ...groupOf(w), msg_index: 1 });
    expect([back.status, back.body]).toEqual([200, {}]);
  });

  it('acks in a single chat addressed by user', async () => {
    expect((await ack(w.tokens.member, { ...userTarget('owner'), msg_index: 1 })).status).toBe(200);
  });

  it('answers 400 naming the field', async () => {
    expectError(await ack(w.tokens.member, { ...groupOf(w), msg_index: 0 }), 400, 'msg_index');
    expectError(await ack(w.tokens.member, { ...groupOf(w), msg_index: 4_294_967_296 }), 400, 'msg_index');
    expectError(await ack(w.tokens.member, { ...groupOf(w), msg_index: 1, x: 1 }), 400, 'x');
  });

  it('answers 401 without a valid token', async () => {
    expectError(await ack(undefined, { ...groupOf(w), msg_index: 1 }), 401);
    expectError(await ack('not-a-jwt', { ...groupOf(w), msg_index: 1 }), 401);
  });

  it('answers 403 to a non-member', async () => {
    expectError(await ack(w.tokens.outsider, { ...groupOf(w), msg_index: 1 }), 403);
  });

  it('answers 404 past the last message and for unknown conversations', async () => {
    expectError(await ack(w.tokens.member, { ...groupOf(w), msg_index: last + 1 }), 404);
    expectError(await ack(w.tokens.member, { target: 's_nope', target_type: 'group', msg_index: 1 }), 404);
    expectError(await ack(w.tokens.member, { ...userTarget('other'), msg_index: 1 }), 404);
  });

  it('answers 413 above the body limit', async () => {
    expectError(await ack(w.tokens.member, { ...groupOf(w), msg_index: 1, pad: OVERSIZED }), 413);
  });
});
