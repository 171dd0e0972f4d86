import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, OVERSIZED, startWorld, type World } from '../imchat/world.ts';
import { frame, privateRecords, recPush, syncAll } from './helpers.ts';

/** `openapi/record.yaml#/paths/~1app~1record~1revoke` and `~1app~1record~1focus` over a real gateway. */
describe('POST /app/record/revoke and /app/record/focus', () => {
  let w: World;
  let groupLog = 0;
  beforeAll(async () => {
    w = await startWorld();
    groupLog = (await recPush(w, w.tokens.member, frame(1, w.group, 'group text'))).logId;
  });
  afterAll(() => w.gw.close());

  const revoke = (token: string | undefined, json: unknown) => w.post('/app/record/revoke', token, json);
  const focus = (token: string | undefined, json: unknown) => w.post('/app/record/focus', token, json);

  it('revoke recalls the sender’s message for everyone; a repeat succeeds; type is ignored', async () => {
    const { logId } = await recPush(w, w.tokens.owner, frame(0, 'member', 'secret'));
    const answer = await revoke(w.tokens.owner, { type: 1, logId });
    expect([answer.status, answer.body]).toEqual([200, {}]);
    expect((await revoke(w.tokens.owner, { logId })).body).toEqual({});
    const [record] = await privateRecords(w, w.tokens.member, 'owner');
    expect(record).toMatchObject({ logId, state: 1, msg: '' });
    const synced = (await syncAll(w, w.tokens.owner)).find((r) => r.logId === logId);
    expect(synced).toMatchObject({ state: 1, msg: '' });
  });

  it('focus stars the message for the caller only, idempotently', async () => {
    const answer = await focus(w.tokens.other, { type: 1, logId: groupLog });
    expect([answer.status, answer.body]).toEqual([200, {}]);
    expect((await focus(w.tokens.other, { logId: groupLog })).status).toBe(200);
    const mine = (await syncAll(w, w.tokens.other)).find((r) => r.logId === groupLog);
    const theirs = (await syncAll(w, w.tokens.member)).find((r) => r.logId === groupLog);
    expect([mine?.focused, theirs?.focused]).toEqual([true, false]);
  });

  it('answer 400 naming the field', async () => {
    for (const call of [revoke, focus]) {
      expectError(await call(w.tokens.member, {}), 400, 'logId');
      expectError(await call(w.tokens.member, { logId: 0 }), 400, 'logId');
      expectError(await call(w.tokens.member, { logId: String(groupLog) }), 400, 'logId');
      expectError(await call(w.tokens.member, { logId: 2 ** 53 }), 400, 'logId');
      expectError(await call(w.tokens.member, { logId: groupLog, type: 2 }), 400, 'type');
      expectError(await call(w.tokens.member, { logId: groupLog, mid: 1 }), 400, 'mid');
    }
  });

  it('answer 401 without a valid token', async () => {
    for (const call of [revoke, focus]) {
      expectError(await call(undefined, { logId: groupLog }), 401);
      expectError(await call('not-a-jwt', { logId: groupLog }), 401);
    }
  });

  it('revoke answers 403 to members that did not send it, the chat owner included', async () => {
    expectError(await revoke(w.tokens.other, { logId: groupLog }), 403);
    expectError(await revoke(w.tokens.owner, { logId: groupLog }), 403);
    const record = (await syncAll(w, w.tokens.member)).find((r) => r.logId === groupLog);
    expect(record).toMatchObject({ state: 0, msg: 'group text' });
  });

  it('answer 404 for an unknown logId and for a message the caller cannot see', async () => {
    for (const call of [revoke, focus]) {
      expectError(await call(w.tokens.member, { logId: 9_007_199_254_740_991 }), 404);
      expectError(await call(w.tokens.outsider, { logId: groupLog }), 404);
      expectError(await call(w.tokens.admin, { logId: groupLog }), 404);
    }
  });

  it('answer 413 above the body limit', async () => {
    expectError(await revoke(w.tokens.member, { logId: groupLog, pad: OVERSIZED }), 413);
    expectError(await focus(w.tokens.member, { logId: groupLog, pad: OVERSIZED }), 413);
  });
});
