import { expect } from 'vitest';
import { validate } from '../../../conformance/engine/schema-validator.ts';
import { startTestGateway, type TestGateway } from '../../http/gateway-fixture.ts';
import { loadOpenAPI, type Schema } from '../../specs/spec-loader.ts';

/** A parsed answer of the gateway. */
export interface Answer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
  readonly body: any;
}

const messagesDoc = loadOpenAPI('messages');

/** The schema `openapi/messages.yaml` documents for `path` answering `status`. */
function responseSchema(path: string, status: number): Schema {
  const operation = messagesDoc.paths[path]?.post;
  const schema = operation?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`openapi/messages.yaml documents no ${status} for ${path}`);
  return schema;
}

/** Fails unless `answer` matches the schema documented for its path and status. */
export function expectDocumented(path: string, answer: Answer): void {
  const violations = validate(responseSchema(path, answer.status), answer.body).map((v) => v.message);
  expect(violations, `${path} ${answer.status} ${JSON.stringify(answer.body)}`).toEqual([]);
}

/** Ids of the users and the group chat every test world provisions. */
export interface World {
  readonly gw: TestGateway;
  readonly admin: string;
  /** Tokens by user id: `owner` created `group`; `member` belongs to it; `outsider` does not. */
  readonly tokens: Readonly<Record<'owner' | 'member' | 'other' | 'outsider', string>>;
  readonly group: string;
  /** POST `path` with `token` and `json`, validating the answer against the document. */
  post(path: string, token: string | undefined, json?: unknown): Promise<Answer>;
  /** Provisions a chat through the admin API and returns its id. */
  chat(type: 1 | 2 | 3, creator: string, members: readonly string[]): Promise<string>;
}

async function call(gw: TestGateway, path: string, token: string | undefined, json: unknown) {
  const res = await gw.call(path, { method: 'POST', ...(token ? { token } : {}), json });
  return { status: res.status, body: await res.json() } as Answer;
}

/** Starts a gateway and provisions owner, member, other, outsider and a group of the first three. */
export async function startWorld(): Promise<World> {
  const gw = await startTestGateway();
  const admin = await gw.token('root', { admin: true });
  const names = ['owner', 'member', 'other', 'outsider'] as const;
  for (const id of names) expect((await call(gw, '/admin/users', admin, { id })).status).toBe(201);
  const tokens = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await gw.token(n)])));
  async function chat(type: 1 | 2 | 3, creator: string, members: readonly string[]) {
    const created = await call(gw, '/admin/chats', admin, { type, creator_id: creator, member_ids: members });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }
  const group = await chat(2, 'owner', ['member', 'other']);
  async function post(path: string, token: string | undefined, json: unknown = {}) {
    const answer = await call(gw, path, token, json);
    if (path.startsWith('/message') || path.startsWith('/chat')) expectDocumented(path, answer);
    return answer;
  }
  return { gw, admin, tokens: tokens as World['tokens'], group, post, chat };
}

let counter = 0;
/** A client message id unique within the test run. */
export function freshId(prefix = 'm'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Sends `content` to `chatId` as `token` and returns the `data` of the 200 answer. */
export async function send(
  world: World,
  token: string,
  chatId: string,
  content = 'hello',
  extra: Record<string, unknown> = {},
) {
  const answer = await world.post('/message/send', token, {
    id: freshId(),
    chat_id: chatId,
    content,
    ...extra,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.data as { id: string; chat_id: string; sequence: number; created_at: number };
}

/** The `/message/list` items of `chatId` for `token` (the latest `count`). */
export async function latest(world: World, token: string, chatId: string, count = 100) {
  const answer = await world.post('/message/list', token, {
    chat_id: chatId,
    sequence: 0,
    direction: 'up',
    count,
  });
  expect(answer.status).toBe(200);
  return answer.body.data.items as { id: string; sequence: number; status: number; is_read: number }[];
}

/** Asserts the error envelope `{code, data: null, msg}` with `status`, and that `msg` mentions `field`. */
export function expectError(answer: Answer, status: number, field?: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body).toMatchObject({ code: status, data: null });
  expect(typeof answer.body.msg).toBe('string');
  if (field) expect(answer.body.msg).toContain(field);
}
