import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupOf, imPull, imSend, userTarget } from './helpers.ts';
import { expectError, OVERSIZED, startWorld, type World } from './world.ts';

/** `openapi/imchat.yaml#/paths/~1im.chat~1recall` over a real gateway. */
describe('POST /im.chat/recall', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(() => w.gw.close());

  const recall = (token: string | undefined, json: unknown) => w.post('/im.chat/recall', token, json);

  it('numbers recalls from 1, answers the same index on a repeat, and leaves a tombstone', async () => {
    const a = await imSend(w, w.tokens.member, groupOf(w), 'first', 'x');
    const b = await imSend(w, w.tokens.member, groupOf(w), 'second');
    const first = await recall(w.tokens.member, { ...groupOf(w), msg_index: b.msgIndex });
    expect([first.status, first.body]).toEqual([200, { recall_index: 1 }]);
    const again = await recall(w.tokens.member, { ...groupOf(w), msg_index: b.msgIndex });
    expect(again.body).toEqual({ recall_index: 1 });
    const second = await recall(w.tokens.member, { ...groupOf(w), msg_index: a.msgIndex });
    expect(second.body).toEqual({ recall_index: 2 });
    const pulled = await imPull(w, w.tokens.other, groupOf(w), a.msgIndex, 1);
    expect(pulled.msgs).toMatchObject([
      { msg_index: a.msgIndex, recall_index: 2, msg: '', extra: '' },
      { msg_index: b.msgIndex, recall_index: 1, msg: '', extra: '' },
    ]);
    expect(pulled.recalls).toEqual({ '1': b.msgIndex, '2': a.msgIndex });
  });

  it('recalls in a single chat addressed by user', async () => {
    const sent = await imSend(w, w.tokens.owner, userTarget('member'));
    const answer = await recall(w.tokens.owner, { ...userTarget('member'), msg_index: sent.msgIndex });
    expect(answer.status).toBe(200);
    expect(answer.body.recall_index).toBeGreaterThanOrEqual(1);
  });

  it('answers 400 naming the field', async () => {
    expectError(await recall(w.tokens.member, { ...groupOf(w), msg_index: 0 }), 400, 'msg_index');
    expectError(await recall(w.tokens.member, { ...groupOf(w), msg_index: '1' }), 400, 'msg_index');
    expectError(await recall(w.tokens.member, { ...groupOf(w) }), 400, 'msg_index');
    expectError(await recall(w.tokens.member, { target: w.group, msg_index: 1 }), 400, 'target_type');
  });

  it('answers 401 without a valid token', async () => {
    expectError(await recall(undefined, { ...groupOf(w), msg_index: 1 }), 401);
    expectError(await recall('bad.token.here', { ...groupOf(w), msg_index: 1 }), 401);
  });

  it('answers 403 to members that did not send it (the chat owner included) and to non-members', async () => {
    const sent = await imSend(w, w.tokens.member, groupOf(w), 'mine');
    const body = { ...groupOf(w), msg_index: sent.msgIndex };
    expectError(await recall(w.tokens.other, body), 403);
    expectError(await recall(w.tokens.owner, body), 403);
    expectError(await recall(w.tokens.outsider, body), 403);
    const pulled = await imPull(w, w.tokens.member, groupOf(w), sent.msgIndex);
    expect(pulled.msgs[0]).toMatchObject({ msg: 'mine', recall_index: 0 });
  });

  it('answers 404 for an unknown index or conversation', async () => {
    expectError(await recall(w.tokens.member, { ...groupOf(w), msg_index: 4_000_000 }), 404);
    expectError(await recall(w.tokens.member, { target: 's_nope', target_type: 'group', msg_index: 1 }), 404);
    expectError(await recall(w.tokens.member, { ...userTarget('other'), msg_index: 1 }), 404);
  });

  it('answers 413 above the body limit', async () => {
    expectError(await recall(w.tokens.member, { ...groupOf(w), msg_index: 1, pad: OVERSIZED }), 413);
  });
});
