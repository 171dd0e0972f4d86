import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupOf, imSend, userTarget } from './helpers.ts';
import { expectError, OVERSIZED, startWorld, type World } from './world.ts';

/** `openapi/imchat.yaml#/paths/~1im.chat~1pull` over a real gateway. */
describe('POST /im.chat/pull', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
    for (const text of ['m1', 'm2', 'm3', 'm4', 'm5']) await imSend(w, w.tokens.owner, groupOf(w), text);
    for (const index of [2, 4]) {
      const recalled = await w.post('/im.chat/recall', w.tokens.owner, { ...groupOf(w), msg_index: index });
      expect(recalled.status).toBe(200);
    }
  });
  afterAll(() => w.gw.close());

  const pull = (token: string | undefined, json: object) =>
    w.post('/im.chat/pull', token, { ...groupOf(w), direction: 'after', count: 50, ...json });
  const indexes = (body: { msgs: { msg_index: number }[] }) => body.msgs.map((m) => m.msg_index);

  it('pulls after a start (inclusive), ascending, with tombstones and the recall map', async () => {
    const answer = await pull(w.tokens.member, { start_msg_index: 2, start_recall_index: 1, count: 3 });
    expect(answer.status).toBe(200);
    expect(indexes(answer.body)).toEqual([2, 3, 4]);
    expect(answer.body.msgs[0]).toMatchObject({
      recall_index: 1,
      msg: '',
      extra: '',
      sender: 'owner',
      target: w.group,
      target_type: 'group',
    });
    expect(answer.body.msgs[1]).toMatchObject({ recall_index: 0, msg: 'm3' });
    expect(answer.body.recalls).toEqual({ '1': 2, '2': 4 });
  });

  it('pulls before a start (inclusive), still ascending; a start past the end starts at the last', async () => {
    const before = await pull(w.tokens.member, { direction: 'before', start_msg_index: 4, count: 2 });
    expect(indexes(before.body)).toEqual([3, 4]);
    const latest = await pull(w.tokens.member, {
      direction: 'before',
      start_msg_index: 4_294_967_295,
      start_recall_index: 4_294_967_295,
      count: 1,
    });
    expect(indexes(latest.body)).toEqual([5]);
    expect(latest.body.recalls).toEqual({ '2': 4 });
  });

  it('pulls nothing of a kind whose start is 0 (the default)', async () => {
    const none = await pull(w.tokens.member, {});
    expect(none.body).toEqual({ msgs: [], recalls: {} });
    const recallsOnly = await pull(w.tokens.member, { start_recall_index: 2 });
    expect(recallsOnly.body).toEqual({ msgs: [], recalls: { '2': 4 } });
  });

  it('pulls a single chat by user; target is the user the sender addressed', async () => {
    await imSend(w, w.tokens.member, userTarget('owner'), 'to owner');
    await imSend(w, w.tokens.owner, userTarget('member'), 'to member');
    const answer = await pull(w.tokens.owner, { ...userTarget('member'), start_msg_index: 1 });
    expect(answer.body.msgs).toMatchObject([
      { msg_index: 1, sender: 'member', target: 'owner', target_type: 'user' },
      { msg_index: 2, sender: 'owner', target: 'member', target_type: 'user' },
    ]);
  });

  it('answers 400 naming the field', async () => {
    expectError(await pull(w.tokens.member, { count: 0 }), 400, 'count');
    expectError(await pull(w.tokens.member, { count: 51 }), 400, 'count');
    expectError(await pull(w.tokens.member, { direction: 'up' }), 400, 'direction');
    expectError(await pull(w.tokens.member, { start_msg_index: -1 }), 400, 'start_msg_index');
    expectError(await pull(w.tokens.member, { start_recall_index: 1.5 }), 400, 'start_recall_index');
  });

  it('answers 401 without a valid token', async () => {
    expectError(await pull(undefined, { start_msg_index: 1 }), 401);
    expectError(await pull('not-a-jwt', { start_msg_index: 1 }), 401);
  });

  it('answers 403 to a non-member, with no data', async () => {
    expectError(await pull(w.tokens.outsider, { start_msg_index: 1, start_recall_index: 1 }), 403);
  });

  it('answers 404 for unknown conversations', async () => {
    expectError(await pull(w.tokens.member, { target: 's_nope', start_msg_index: 1 }), 404);
    expectError(await pull(w.tokens.member, { ...userTarget('other'), start_msg_index: 1 }), 404);
  });

  it('answers 413 above the body limit', async () => {
    expectError(await pull(w.tokens.member, { target: OVERSIZED }), 413);
  });
});
