import { expect } from 'vitest';
import { validate } from '../../../conformance/engine/schema-validator.ts';
import { startTestGateway, type TestGateway } from '../../http/gateway-fixture.ts';
import { loadOpenAPI, type OpenAPIDocument, type Schema } from '../../specs/spec-loader.ts';

/**
 * The test world of the imchat and record dialect tests (and the cross-dialect test): a real
 * gateway over an in-memory embedded store, fixtures provisioned through the admin API, and every
 * answer of an imchat or record operation validated against the schema its document gives for the
 * status it came with.
 */

/** A parsed answer of the gateway, with the raw text for exact-integer checks. */
export interface Answer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
  readonly body: any;
  readonly text: string;
}

/** Callers: `owner` created `group` (with `member`, `other`); `member` + `owner` share `direct`. */
export type Role = 'owner' | 'member' | 'other' | 'outsider' | 'admin';

export interface World {
  readonly gw: TestGateway;
  readonly tokens: Readonly<Record<Role, string>>;
  readonly group: string;
  /** The single chat between `owner` and `member`. */
  readonly direct: string;
  /** POST JSON to `path`, validating the answer against its document. */
  post(path: string, token: string | undefined, json?: unknown): Promise<Answer>;
  /** POST multipart/form-data to `path`, validating the answer against its document. */
  postForm(path: string, token: string | undefined, form: FormData): Promise<Answer>;
  /** Provisions a chat through the admin API and returns its id. */
  chat(type: 1 | 2 | 3, creator: string, members: readonly string[]): Promise<string>;
}

const documents: Record<string, OpenAPIDocument> = {
  '/im.chat/': loadOpenAPI('imchat'),
  '/app/record/': loadOpenAPI('record'),
  '/record/': loadOpenAPI('record'),
};

function documentedSchema(path: string, status: number): Schema | undefined {
  const prefix = Object.keys(documents).find((p) => path.startsWith(p));
  if (!prefix) return undefined;
  const operation = documents[prefix]?.paths[path]?.post;
  const schema = operation?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${path} documents no ${status}`);
  return schema;
}

/** Fails unless an imchat/record answer matches the schema documented for its path and status. */
export function expectDocumented(path: string, answer: Answer): void {
  const schema = documentedSchema(path, answer.status);
  if (!schema) return;
  const violations = validate(schema, answer.body).map((v) => v.message);
  expect(violations, `${path} ${answer.status} ${answer.text}`).toEqual([]);
}

async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), text };
}

function headers(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Starts a gateway and provisions owner, member, other, outsider, a group and a single chat. */
export async function startWorld(): Promise<World> {
  const gw = await startTestGateway();
  const admin = await gw.token('root', { admin: true });
  const raw = async (path: string, token: string | undefined, json: unknown) =>
    answerOf(await gw.call(path, { method: 'POST', ...(token ? { token } : {}), json }));
  const users = ['owner', 'member', 'other', 'outsider'] as const;
  for (const id of users) expect((await raw('/admin/users', admin, { id })).status).toBe(201);
  const tokens = { admin } as Record<Role, string>;
  for (const id of users) tokens[id] = await gw.token(id);
  async function chat(type: 1 | 2 | 3, creator: string, members: readonly string[]) {
    const created = await raw('/admin/chats', admin, { type, creator_id: creator, member_ids: members });
    expect(created.status, created.text).toBe(201);
    return created.body.id as string;
  }
  async function post(path: string, token: string | undefined, json: unknown = {}) {
    const answer = await raw(path, token, json);
    expectDocumented(path, answer);
    return answer;
  }
  async function postForm(path: string, token: string | undefined, form: FormData) {
    const res = await fetch(`${gw.url}${path}`, { method: 'POST', headers: headers(token), body: form });
    const answer = await answerOf(res);
    expectDocumented(path, answer);
    return answer;
  }
  const group = await chat(2, 'owner', ['member', 'other']);
  const direct = await chat(1, 'owner', ['member']);
  return { gw, tokens, group, direct, post, postForm, chat };
}

/** Asserts `{code, msg}` with HTTP status = code, and that `msg` mentions `field`. */
export function expectError(answer: Answer, status: number, field?: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body).toEqual({ code: status, msg: expect.any(String) });
  if (field) expect(answer.body.msg).toContain(field);
}

/** A JSON body just above the gateway's 1 MiB limit. */
export const OVERSIZED = 'x'.repeat(1024 * 1024 + 16);
