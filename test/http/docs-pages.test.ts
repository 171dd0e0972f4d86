import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './gateway-fixture.ts';

/** The docs pages' HTTP surface (the browser tests in test/browser/ drive the pages themselves). */
let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.close());

describe('docs pages', () => {
  it('serves /favicon.ico, so opening /docs logs no 404', async () => {
    const response = await gw.call('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('links /docs and /docs/push both ways and serves every asset they load from the gateway', async () => {
    const pages = await Promise.all(
      ['/docs', '/docs/push'].map(async (path) => (await gw.call(path)).text()),
    );
    for (const html of pages) {
      expect(html).toContain('href="/docs"');
      expect(html).toContain('href="/docs/push"');
      const assets = [...html.matchAll(/(?:src|href)="(\/docs\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
      expect(assets.length).toBeGreaterThan(2);
      for (const asset of assets) expect((await gw.call(asset)).status, asset).toBe(200);
      expect(html).not.toMatch(/(?:src|href)="https?:/);
    }
  });
});
