import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayDialects } from '../../src/http/dialects.ts';
import { startTestGateway, type TestGateway } from './gateway-fixture.ts';

let gw: TestGateway;
let admin: string;

beforeAll(async () => {
  // The real tables, with token minting disabled as in production.
  gw = await startTestGateway({ BODY_LIMIT: '2048' }, gatewayDialects(undefined));
  admin = await gw.token('root', { admin: true });
});
afterAll(() => gw.close());

describe('request validation and errors, in each variant body', () => {
  it('admin: a schema violation is a 400 {code, msg} naming the field', async () => {
    const res = await gw.call('/admin/users', { token: admin, json: { id: '', extra: 1 } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: number; msg: string };
    expect(Object.keys(body).sort()).toEqual(['code', 'msg']);
    expect(body.code).toBe(400);
    expect(body.msg).toMatch(/^id: /);
    expect(body.msg).toMatch(/extra/);
  });

  it('admin: malformed JSON and a wrong content type are the same 400 body', async () => {
    const malformed = await gw.call('/admin/users', {
      method: 'POST',
      token: admin,
      headers: { 'content-type': 'application/json' },
      body: '{"id":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ code: 400, msg: 'body: malformed JSON' });
    const wrongType = await gw.call('/admin/users', {
      method: 'POST',
      token: admin,
      headers: { 'content-type': 'text/plain' },
      body: 'alice',
    });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({ code: 400, msg: expect.stringMatching(/content-type/) });
  });

  it('messages: a schema violation is a 400 {code, data: null, msg} naming the field', async () => {
    const token = await gw.token('alice');
    const res = await gw.call('/message/list', { token, json: { chat_id: 42 } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: number; msg: string };
    expect(body).toMatchObject({ code: 400, data: null });
    expect(body.msg).toMatch(/chat_id/);
  });

  it('messages: 401 and 404 use the messages envelope too', async () => {
    const res = await gw.call('/message/list', { json: {} });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 401, data: null });
    const missing = await gw.call('/messages/no-such-operation', { json: {} });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 404, data: null });
  });

  it('domain errors keep their status: a duplicate user is a 409', async () => {
    expect((await gw.call('/admin/users', { token: admin, json: { id: 'dup' } })).status).toBe(201);
    const again = await gw.call('/admin/users', { token: admin, json: { id: 'dup' } });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 409 });
  });

  it('a body over BODY_LIMIT is a 413 in the variant body', async () => {
    const big = { id: 'big', name: 'x'.repeat(4096) };
    const adminRes = await gw.call('/admin/users', { token: admin, json: big });
    expect(adminRes.status).toBe(413);
    // The unread rest of the body must not poison a reused keep-alive connection.
    expect(adminRes.headers.get('connection')).toBe('close');
    expect(await adminRes.json()).toEqual({ code: 413, msg: 'request body exceeds 2048 bytes' });
    const token = await gw.token('alice');
    const messagesRes = await gw.call('/message/list', { token, json: { chat_id: 'x'.repeat(4096) } });
    expect(messagesRes.status).toBe(413);
    expect(await messagesRes.json()).toEqual({
      code: 413,
      data: null,
      msg: 'request body exceeds 2048 bytes',
    });
  });

  it('createToken answers 404 when minting is disabled (production, JWKS)', async () => {
    const res = await gw.call('/admin/tokens', { token: admin, json: { sub: 'bob' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 404, msg: 'token minting is disabled in production mode' });
  });
});
