import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './gateway-fixture.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

/** POSTs `path` with a header above Node's 16 KiB limit; resolves the status, headers and body. */
function oversizedHeaders(path: string) {
  return new Promise<{ status: number | undefined; connection: string | undefined; body: string }>(
    (resolve, reject) => {
      const req = request(`${gw.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-padding': 'p'.repeat(20_000) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, body }));
      });
      req.on('error', reject);
      req.end('{}');
    },
  );
}

describe('oversized request headers', () => {
  it.each([
    ['/message/send', { code: 431, data: null, msg: 'request headers are too large' }],
    ['/im.chat/send', { code: 431, msg: 'request headers are too large' }],
    ['/app/record/revoke', { code: 431, msg: 'request headers are too large' }],
    ['/elsewhere', { code: 431, msg: 'request headers are too large' }],
  ])('%s answers 431 in the variant’s error body and closes the connection', async (path, body) => {
    const res = await oversizedHeaders(path);
    expect(res.status).toBe(431);
    expect(res.connection).toBe('close');
    expect(JSON.parse(res.body)).toEqual(body);
  });

  it('leaves the gateway serving normal requests', async () => {
    expect((await gw.call('/healthz')).status).toBe(200);
  });
});
