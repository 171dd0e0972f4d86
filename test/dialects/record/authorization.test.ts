import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLERS, checkCell, type MatrixRow } from '../imchat/matrix.ts';
import { startWorld, type World } from '../imchat/world.ts';
import { decodeRecords, fileForm, frame, recPush } from './helpers.ts';

const SECRET = 'record-secret-content';
const members = {
  none: 401,
  bad: 401,
  outsider: 403,
  other: 200,
  owner: 200,
  admin: 403,
  member: 200,
} as const;
const seers = {
  none: 401,
  bad: 401,
  outsider: 404,
  other: 200,
  owner: 200,
  admin: 404,
  member: 200,
} as const;

/** Every record operation × every kind of caller; `member` pushed the message under test to the group. */
describe('record authorisation matrix', () => {
  let w: World;
  let logId = 0;
  beforeAll(async () => {
    w = await startWorld();
    logId = (await recPush(w, w.tokens.member, frame(1, w.group, SECRET))).logId;
  });
  afterAll(() => w.gw.close());

  const rows: MatrixRow[] = [
    {
      path: '/record/push',
      call: (world, token) => world.postForm('/record/push', token, fileForm(frame(1, world.group))),
      expected: members,
    },
    {
      path: '/record/push2',
      call: (world, token) =>
        world.postForm('/record/push2', token, fileForm({ op: 3, seq: 1, body: frame(1, world.group) })),
      expected: members,
    },
    {
      path: '/app/record/sync-record',
      call: (world, token) => world.post('/app/record/sync-record', token, { count: 1000 }),
      expected: { none: 401, bad: 401, outsider: 200, other: 200, owner: 200, admin: 200, member: 200 },
    },
    {
      path: '/app/record/pri-chat-record',
      call: (world, token) =>
        world.post('/app/record/pri-chat-record', token, { targetId: 'owner', count: 100, logId: 0 }),
      expected: { none: 401, bad: 401, outsider: 404, other: 404, owner: 404, admin: 404, member: 200 },
    },
    {
      path: '/app/record/focus',
      call: (world, token) => world.post('/app/record/focus', token, { logId }),
      expected: seers,
    },
    {
      path: '/app/record/revoke',
      call: (world, token) => world.post('/app/record/revoke', token, { logId }),
      expected: { none: 401, bad: 401, outsider: 404, other: 403, owner: 403, admin: 404, member: 200 },
    },
  ];

  for (const row of rows) {
    it(`${row.path}: ${CALLERS.map((caller) => `${caller} ${row.expected[caller]}`).join(', ')}`, async () => {
      for (const caller of CALLERS) {
        const answer = await checkCell(w, row, caller, SECRET);
        if (row.path.endsWith('sync-record') && answer.status === 200) {
          const seen = decodeRecords(answer.body.records).some((record) => record.logId === logId);
          expect(seen, `${caller} syncs the group message`).toBe(
            ['other', 'owner', 'member'].includes(caller),
          );
        }
      }
    });
  }
});
