import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TEST_SECRET, type TestGateway } from './gateway-fixture.ts';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

function sign(
  secret: string,
  claims: Record<string, unknown>,
  expiresIn: string | number = '5m',
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('alice')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

async function expect401(token: string | undefined, header?: string): Promise<void> {
  const res = await gw.call('/admin/users/alice', {
    ...(token ? { token } : {}),
    ...(header ? { headers: { authorization: header } } : {}),
  });
  expect(res.status).toBe(401);
  // RFC 6750: a challenge on every 401, naming invalid_token when a bearer token was refused.
  const bearerSent = token !== undefined || /^Bearer /i.test(header ?? '');
  expect(res.headers.get('www-authenticate')).toBe(bearerSent ? 'Bearer error="invalid_token"' : 'Bearer');
  expect(await res.json()).toEqual({ code: 401, msg: expect.any(String) });
}

describe('bearer authentication', () => {
  it('rejects a request without a token', () => expect401(undefined));
  it('rejects a token that is not a JWT', () => expect401('not-a-jwt'));
  it('rejects a non-bearer scheme', () => expect401(undefined, 'Basic YWxpY2U6cHc='));
  it('rejects a token signed with another secret', async () =>
    expect401(await sign('another-secret-of-at-least-32-characters!', { role: 'admin' })));
  it('rejects an expired token', async () =>
    expect401(await sign(TEST_SECRET, { role: 'admin' }, Math.floor(Date.now() / 1000) - 60)));
  it('rejects a token without sub', async () => {
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(TEST_SECRET));
    await expect401(token);
  });

  it('challenges in every variant, in the variant’s own error body', async () => {
    for (const [path, body] of [
      ['/message/send', { code: 401, data: null, msg: expect.any(String) }],
      ['/im.chat/pull', { code: 401, msg: expect.any(String) }],
      ['/app/record/sync-record', { code: 401, msg: expect.any(String) }],
    ] as const) {
      const bare = await gw.call(path, { json: {} });
      expect([bare.status, bare.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
      expect(await bare.json()).toEqual(body);
      const refused = await gw.call(path, { json: {}, token: 'not-a-jwt' });
      expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(await refused.json()).toEqual(body);
    }
  });

  it('accepts a valid admin token, and refuses admin operations to other users with 403', async () => {
    const admin = await sign(TEST_SECRET, { role: 'admin' });
    expect((await gw.call('/admin/users', { token: admin, json: { id: 'alice' } })).status).toBe(201);
    expect((await gw.call('/admin/users/alice', { token: admin })).status).toBe(200);
    const user = await gw.token('bob');
    const res = await gw.call('/admin/users', { token: user, json: { id: 'carol' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 403 });
    const mint = await gw.call('/admin/tokens', { token: user, json: { sub: 'bob', admin: true } });
    expect(mint.status).toBe(403);
  });

  it('mints tokens through the admin API that the gateway then accepts', async () => {
    const admin = await gw.token('root', { admin: true });
    const res = await gw.call('/admin/tokens', {
      token: admin,
      json: { sub: 'root2', admin: true, ttl_seconds: 60 },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; expires_at: number };
    expect(body.expires_at).toBeGreaterThan(Date.now());
    expect((await gw.call('/admin/users', { token: body.token, json: { id: 'dave' } })).status).toBe(201);
  });
});
