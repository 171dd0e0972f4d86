import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestGateway, type TestGateway } from '../http/gateway-fixture.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
  const admin = await gw.token('root', { admin: true });
  expect((await gw.call('/admin/users', { token: admin, json: { id: 'known' } })).status).toBe(201);
});
afterAll(() => gw.close());

/** Opens `/ws` with `token` (or none): 'open', or the refusal's status, challenge and body. */
function upgrade(token: string | undefined) {
  const url = `${gw.url.replace('http:', 'ws:')}/ws`;
  return new Promise<'open' | { status: number | undefined; challenge: string | undefined; body: unknown }>(
    (resolve) => {
      const ws = new WebSocket(url, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
      ws.once('open', () => {
        ws.close();
        resolve('open');
      });
      ws.once('unexpected-response', (_req, res: IncomingMessage) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            challenge: res.headers['www-authenticate'],
            body: JSON.parse(body),
          }),
        );
      });
      ws.once('error', () => undefined);
    },
  );
}

describe('push: which tokens may open a socket', () => {
  it('refuses a valid token whose user does not exist with 401 invalid_token', async () => {
    expect(await upgrade(await gw.token('ghost'))).toEqual({
      status: 401,
      challenge: 'Bearer error="invalid_token"',
      body: { code: 401, msg: 'the token names no known user' },
    });
  });

  it('challenges a missing token with a bare Bearer and opens for a provisioned user', async () => {
    expect(await upgrade(undefined)).toMatchObject({ status: 401, challenge: 'Bearer' });
    expect(await upgrade('not-a-jwt')).toMatchObject({
      status: 401,
      challenge: 'Bearer error="invalid_token"',
    });
    expect(await upgrade(await gw.token('known'))).toBe('open');
  });
});
