import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './gateway-fixture.ts';

/**
 * JWKS_URL mode (DESIGN.md "Auth"): an identity provider on loopback publishes its RS256 and ES256
 * public keys; the gateway accepts tokens they sign, in production mode, and nothing else.
 */
type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let provider: Server;
let gw: TestGateway;
let rsa: KeyPair;
let ec: KeyPair;

beforeAll(async () => {
  rsa = await generateKeyPair('RS256');
  ec = await generateKeyPair('ES256');
  const keys = [
    { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
  ];
  provider = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  provider.listen(0, '127.0.0.1');
  await once(provider, 'listening');
  const { port } = provider.address() as AddressInfo;
  gw = await startTestGateway({
    JWT_SECRET: '',
    JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    IMGATE_MODE: 'production',
    ALLOW_EMBEDDED_STORE: 'true',
  });
});
afterAll(async () => {
  await gw?.close();
  provider?.close();
});

function sign(key: KeyPair, alg: 'RS256' | 'ES256', kid: string, claims: Record<string, unknown>) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid })
    .setSubject('root')
    .setExpirationTime('5m')
    .sign(key.privateKey);
}

describe('JWKS_URL (RS256/ES256 from an identity provider)', () => {
  it('accepts RS256 and ES256 tokens signed by the published keys', async () => {
    for (const token of [
      await sign(rsa, 'RS256', 'rsa-1', { role: 'admin' }),
      await sign(ec, 'ES256', 'ec-1', { role: 'admin' }),
    ]) {
      const res = await gw.call('/admin/users', { token, json: { id: `u${Math.random()}` } });
      expect(res.status).toBe(201);
    }
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    const stranger = await generateKeyPair('RS256');
    const token = await sign(stranger, 'RS256', 'rsa-1', { role: 'admin' });
    const res = await gw.call('/admin/users', { token, json: { id: 'nobody' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 401, msg: expect.any(String) });
  });
});
