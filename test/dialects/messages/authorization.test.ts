import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, send, startWorld, type World } from './fixture.ts';

/**
 * Every operation of `openapi/messages.yaml` x every kind of caller, with exact statuses and no data
 * leak. Each cell runs on a fresh group chat created by `owner` (members `member`, `other`) holding
 * one message sent by `member`; `outsider` is not a member; `root` is an admin that is not a member.
 */
type Role = 'none' | 'bad' | 'nonMember' | 'member' | 'sender' | 'owner' | 'admin';
const ROLES: readonly Role[] = ['none', 'bad', 'nonMember', 'member', 'sender', 'owner', 'admin'];
const SECRET = 'secret-content';

interface Scene {
  readonly chat: string;
  readonly messageId: string;
}

interface Row {
  readonly path: string;
  readonly body: (scene: Scene) => unknown;
  /** Statuses for nonMember, member, sender, owner, admin (no token and a bad token are always 401). */
  readonly expected: readonly [number, number, number, number, number];
  /** For 200 answers: whether the caller may see the scene's chat or message in `data`. */
  readonly sees?: (answer: Answer, scene: Scene) => boolean;
}

const itemsHave = (key: string, value: (s: Scene) => string) => (answer: Answer, scene: Scene) =>
  (answer.body.data.items as Record<string, unknown>[]).some((item) => item[key] === value(scene));
const byChat = (s: Scene) => s.chat;
const byMessage = (s: Scene) => s.messageId;
const chatIds = (s: Scene) => ({ chat_ids: [s.chat] });
const ids = (s: Scene) => ({ ids: [s.messageId] });

const ROWS: readonly Row[] = [
  {
    path: '/message/send',
    body: (s) => ({ id: `new-${s.chat}`, chat_id: s.chat, content: 'x' }),
    expected: [403, 200, 200, 200, 403],
  },
  {
    path: '/message/list',
    body: (s) => ({ chat_id: s.chat, sequence: 0, direction: 'up' }),
    expected: [403, 200, 200, 200, 403],
    sees: (a) => (a.body.data.items as unknown[]).length === 1,
  },
  {
    path: '/messages/detail',
    body: ids,
    expected: [200, 200, 200, 200, 200],
    sees: itemsHave('id', byMessage),
  },
  { path: '/messages/delete-batch', body: ids, expected: [404, 403, 200, 403, 404] },
  { path: '/messages/delete-self-all', body: ids, expected: [404, 200, 200, 200, 404] },
  { path: '/messages/delete-chat-ids', body: chatIds, expected: [403, 200, 200, 200, 403] },
  { path: '/messages/delete-self-chat-ids', body: chatIds, expected: [403, 200, 200, 200, 403] },
  { path: '/messages/revoke-chat-ids', body: chatIds, expected: [403, 403, 403, 200, 200] },
  { path: '/messages/clear-chat-ids', body: chatIds, expected: [403, 403, 403, 403, 200] },
  {
    path: '/chat/mine-list',
    body: () => ({}),
    expected: [200, 200, 200, 200, 200],
    sees: itemsHave('chat_id', byChat),
  },
  {
    path: '/chat/detail',
    body: (s) => ({ ids: [s.chat] }),
    expected: [200, 200, 200, 200, 200],
    sees: itemsHave('id', byChat),
  },
  { path: '/chat/delete', body: (s) => ({ ids: [s.chat] }), expected: [403, 200, 200, 200, 403] },
];

/** Roles that may see the scene's data (members of the chat). */
const MEMBERS: ReadonlySet<Role> = new Set(['member', 'sender', 'owner']);

describe('messages authorisation matrix', () => {
  let w: World;
  let tokens: Record<Role, string | undefined>;
  beforeAll(async () => {
    w = await startWorld();
    tokens = {
      none: undefined,
      bad: `${w.tokens.member.slice(0, -4)}AAAA`,
      nonMember: w.tokens.outsider,
      member: w.tokens.other,
      sender: w.tokens.member,
      owner: w.tokens.owner,
      admin: w.admin,
    };
  });
  afterAll(() => w.gw.close());

  async function scene(): Promise<Scene> {
    const chat = await w.chat(2, 'owner', ['member', 'other']);
    const sent = await send(w, w.tokens.member, chat, SECRET);
    return { chat, messageId: sent.id };
  }

  const cells = ROWS.flatMap((row) => ROLES.map((role) => ({ row, role })));
  it.each(cells)('$row.path as $role', async ({ row, role }) => {
    const s = await scene();
    const answer = await w.post(row.path, tokens[role], row.body(s));
    const index = ROLES.indexOf(role) - 2;
    const status = index < 0 ? 401 : row.expected[index];
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    if (!MEMBERS.has(role)) expect(JSON.stringify(answer.body)).not.toContain(SECRET);
    if (status !== 200) {
      expect(answer.body).toMatchObject({ code: status, data: null });
      return;
    }
    expect(answer.body).toMatchObject({ code: 200, msg: '' });
    if (row.sees) expect(row.sees(answer, s)).toBe(MEMBERS.has(role));
  });
});
