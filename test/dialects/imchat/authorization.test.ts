import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupOf, imSend } from './helpers.ts';
import { CALLERS, checkCell, type MatrixRow } from './matrix.ts';
import { startWorld, type World } from './world.ts';

const SECRET = 'imchat-secret-content';

/** Every imchat operation × every kind of caller, on the world's group chat. */
describe('imchat authorisation matrix', () => {
  let w: World;
  let index = 0;
  beforeAll(async () => {
    w = await startWorld();
    index = (await imSend(w, w.tokens.member, groupOf(w), SECRET)).msgIndex;
  });
  afterAll(() => w.gw.close());

  const rows: MatrixRow[] = [
    {
      path: '/im.chat/send',
      call: (world, token) => world.post('/im.chat/send', token, { ...groupOf(world), msg: 'x' }),
      expected: { none: 401, bad: 401, outsider: 403, other: 200, owner: 200, admin: 403, member: 200 },
    },
    {
      path: '/im.chat/pull',
      call: (world, token) =>
        world.post('/im.chat/pull', token, {
          ...groupOf(world),
          direction: 'after',
          start_msg_index: 1,
          start_recall_index: 1,
          count: 50,
        }),
      expected: { none: 401, bad: 401, outsider: 403, other: 200, owner: 200, admin: 403, member: 200 },
    },
    {
      path: '/im.chat/ack',
      call: (world, token) => world.post('/im.chat/ack', token, { ...groupOf(world), msg_index: index }),
      expected: { none: 401, bad: 401, outsider: 403, other: 200, owner: 200, admin: 403, member: 200 },
    },
    {
      path: '/im.chat/recall',
      call: (world, token) => world.post('/im.chat/recall', token, { ...groupOf(world), msg_index: index }),
      expected: { none: 401, bad: 401, outsider: 403, other: 403, owner: 403, admin: 403, member: 200 },
    },
  ];

  for (const row of rows) {
    it(`${row.path}: ${CALLERS.map((caller) => `${caller} ${row.expected[caller]}`).join(', ')}`, async () => {
      for (const caller of CALLERS) await checkCell(w, row, caller, SECRET);
    });
  }

  it('members saw the content before the sender recalled it', async () => {
    const pulled = await w.post('/im.chat/pull', w.tokens.other, {
      ...groupOf(w),
      direction: 'after',
      start_msg_index: index,
      count: 1,
    });
    expect(pulled.body.msgs[0]).toMatchObject({ msg_index: index, msg: '', recall_index: 1 });
  });
});
