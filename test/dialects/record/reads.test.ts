import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, OVERSIZED, startWorld, type World } from '../imchat/world.ts';
import { decodeRecords, frame, recPush, syncAll } from './helpers.ts';

/** `openapi/record.yaml#/paths/~1app~1record~1sync-record` and `~1app~1record~1pri-chat-record`. */
describe('POST /app/record/sync-record and /app/record/pri-chat-record', () => {
  let w: World;
  const direct: number[] = [];
  let groupLog = 0;
  beforeAll(async () => {
    w = await startWorld();
    for (const text of ['d1', 'd2', 'd3'])
      direct.push((await recPush(w, w.tokens.owner, frame(0, 'member', text))).logId);
    groupLog = (await recPush(w, w.tokens.other, frame(1, w.group, 'g1'))).logId;
  });
  afterAll(() => w.gw.close());

  const sync = (token: string | undefined, json: unknown) => w.post('/app/record/sync-record', token, json);
  const pri = (token: string | undefined, json: object) =>
    w.post('/app/record/pri-chat-record', token, { targetId: 'owner', count: 100, logId: 0, ...json });

  it('sync answers every chat’s records after start, ascending, as base64 Records', async () => {
    const all = await syncAll(w, w.tokens.member);
    expect(all.map((r) => r.logId)).toEqual([...direct, groupLog]);
    expect(all[0]).toEqual({
      logId: direct[0],
      msgId: expect.any(String),
      channelType: 0,
      fromId: 'owner',
      targetId: 'member',
      msgType: 1,
      msg: 'd1',
      datetime: expect.any(Number),
      state: 0,
      focused: false,
    });
    expect(all[3]).toMatchObject({ channelType: 1, fromId: 'other', targetId: w.group, msg: 'g1' });
    const page = await sync(w.tokens.member, { count: 2, start: direct[0] });
    expect(page.body.record_count).toBe(2);
    expect(decodeRecords(page.body.records).map((r) => r.logId)).toEqual(direct.slice(1));
  });

  it('sync leaks nothing of chats the caller is not in', async () => {
    expect((await syncAll(w, w.tokens.other)).map((r) => r.logId)).toEqual([groupLog]);
    expect(await syncAll(w, w.tokens.outsider)).toEqual([]);
    expect(await syncAll(w, w.tokens.admin)).toEqual([]);
  });

  it('pri-chat-record answers records below logId, newest first; logId as integer or string', async () => {
    const latest = await pri(w.tokens.member, { logId: '0' });
    expect(latest.body.record_count).toBe(3);
    expect(latest.body.records.map((r: { logId: number }) => r.logId)).toEqual([...direct].reverse());
    const older = await pri(w.tokens.member, { logId: String(direct[2]), count: 1 });
    expect(older.body.records.map((r: { logId: number }) => r.logId)).toEqual([direct[1]]);
    const asInt = await pri(w.tokens.member, { logId: direct[2], count: 1 });
    expect(asInt.body).toEqual(older.body);
    const mine = await pri(w.tokens.owner, { targetId: 'member', count: 1 });
    expect(mine.body.records[0]).toMatchObject({ logId: direct[2], fromId: 'owner', targetId: 'member' });
  });

  it('answer 400 naming the field', async () => {
    expectError(await sync(w.tokens.member, {}), 400, 'count');
    expectError(await sync(w.tokens.member, { count: 0 }), 400, 'count');
    expectError(await sync(w.tokens.member, { count: 1001 }), 400, 'count');
    expectError(await sync(w.tokens.member, { count: 1, start: -1 }), 400, 'start');
    expectError(await pri(w.tokens.member, { count: 101 }), 400, 'count');
    expectError(await pri(w.tokens.member, { logId: '01' }), 400, 'logId');
    expectError(await pri(w.tokens.member, { logId: 'abc' }), 400, 'logId');
    expectError(await pri(w.tokens.member, { logId: '9999999999999999' }), 400, 'logId');
    expectError(await pri(w.tokens.member, { targetId: '' }), 400, 'targetId');
  });

  it('answer 401 without a valid token', async () => {
    expectError(await sync(undefined, { count: 1 }), 401);
    expectError(await sync('not-a-jwt', { count: 1 }), 401);
    expectError(await pri(undefined, {}), 401);
    expectError(await pri('not-a-jwt', {}), 401);
  });

  it('pri-chat-record answers 404 without a single chat with targetId', async () => {
    expectError(await pri(w.tokens.member, { targetId: 'other' }), 404);
    expectError(await pri(w.tokens.outsider, {}), 404);
    expectError(await pri(w.tokens.admin, {}), 404);
    expectError(await pri(w.tokens.member, { targetId: 'member' }), 404);
  });

  it('answer 413 above the body limit', async () => {
    expectError(await sync(w.tokens.member, { count: 1, pad: OVERSIZED }), 413);
    expectError(await pri(w.tokens.member, { targetId: OVERSIZED }), 413);
  });
});
