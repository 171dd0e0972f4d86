import { expect } from 'vitest';
import { startTestGateway, type TestGateway } from '../http/gateway-fixture.ts';
import { connect, type RecordingClient } from './fixtures.ts';

/** A parsed JSON answer of the gateway. */
export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** A real gateway with users (by id: token and push `user_id` num) and one group chat. */
export interface GatewayWorld {
  readonly gw: TestGateway;
  readonly adminToken: string;
  readonly users: Readonly<Record<string, { token: string; num: number }>>;
  readonly group: { id: string; num: number };
  post(path: string, token: string, json: unknown): Promise<Answer>;
  postForm(path: string, token: string, file: string): Promise<Answer>;
  /** Opens `/ws` for `user`, with the token in the header (`via: 'header'`) or the query. */
  push(user: string, via?: 'header' | 'query'): Promise<RecordingClient>;
}

async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** Starts the gateway (embedded in-memory store) and provisions `userIds` and a group of all but the last. */
export async function startGatewayWorld(userIds: readonly string[]): Promise<GatewayWorld> {
  const gw = await startTestGateway();
  const adminToken = await gw.token('root', { admin: true });
  async function post(path: string, token: string, json: unknown): Promise<Answer> {
    return answerOf(await gw.call(path, { method: 'POST', token, json }));
  }
  const users: Record<string, { token: string; num: number }> = {};
  for (const id of ['root', ...userIds]) {
    const created = await post('/admin/users', adminToken, { id });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    users[id] = { token: id === 'root' ? adminToken : await gw.token(id), num: created.body.num as number };
  }
  const [creator, ...others] = userIds.slice(0, -1);
  const chat = await post('/admin/chats', adminToken, { type: 2, creator_id: creator, member_ids: others });
  expect(chat.status, JSON.stringify(chat.body)).toBe(201);
  return {
    gw,
    adminToken,
    users,
    group: { id: chat.body.id as string, num: chat.body.num as number },
    post,
    async postForm(path, token, file) {
      const form = new FormData();
      form.set('file', new Blob([file], { type: 'application/json' }), 'frame.json');
      const headers = { authorization: `Bearer ${token}` };
      return answerOf(await fetch(`${gw.url}${path}`, { method: 'POST', headers, body: form }));
    },
    push(user, via = 'query') {
      const token = users[user]?.token ?? '';
      const base = gw.url.replace('http:', 'ws:');
      return via === 'header'
        ? connect(`${base}/ws`, { headers: { Authorization: `Bearer ${token}` } })
        : connect(`${base}/ws?token=${encodeURIComponent(token)}`);
    },
  };
}
