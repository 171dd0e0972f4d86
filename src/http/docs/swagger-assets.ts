import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import type { GatewayEnv } from '../operation-table.ts';

/** Where the page loads Swagger UI from: served by the gateway, no CDN (build machines are offline). */
export const ASSET_BASE = '/docs/assets';

const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

const distDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Serves the three swagger-ui-dist files the page needs, read once and cached in memory. */
export function mountSwaggerAssets(app: Hono<GatewayEnv>): void {
  const cache = new Map<string, Promise<Buffer>>();
  for (const [file, type] of Object.entries(ASSETS)) {
    app.get(`${ASSET_BASE}/${file}`, async function swaggerAsset(c) {
      let body = cache.get(file);
      if (!body) {
        body = readFile(join(distDir, file));
        cache.set(file, body);
      }
      return c.body(new Uint8Array(await body), 200, {
        'content-type': type,
        'cache-control': 'public, max-age=86400',
      });
    });
  }
}
