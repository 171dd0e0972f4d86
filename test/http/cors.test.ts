import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './gateway-fixture.ts';

/** Browser clients on another origin (CORS_ORIGINS) can call the API; other origins get no grant. */
let gw: TestGateway;
let closed: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ CORS_ORIGINS: 'https://app.example,https://admin.example' });
  closed = await startTestGateway();
});
afterAll(async () => {
  await gw?.close();
  await closed?.close();
});

function preflight(target: TestGateway, origin: string): Promise<Response> {
  return fetch(`${target.url}/im.chat/send`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });
}

describe('CORS', () => {
  it('grants a configured origin, including the Authorization header', async () => {
    const res = await preflight(gw, 'https://admin.example');
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://admin.example');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  it('grants nothing to an origin that is not configured, or when CORS is off', async () => {
    expect(
      (await preflight(gw, 'https://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
    expect(
      (await preflight(closed, 'https://app.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('marks the actual response for the configured origin', async () => {
    const res = await fetch(`${gw.url}/healthz`, { headers: { origin: 'https://app.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
  });
});
