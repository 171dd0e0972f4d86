import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import type { GatewayEnv } from '../operation-table.ts';

/** Where the docs pages load their scripts and styles from: served by the gateway, no CDN (build machines are offline). */
export const ASSET_BASE = '/docs/assets';

interface Asset {
  /** The npm package holding the file, or undefined for the files beside this module (`browser/`). */
  readonly pkg?: string;
  readonly path: string;
  readonly type: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Every file the docs pages load, by the name they load it under. */
const ASSETS: Readonly<Record<string, Asset>> = {
  'swagger-ui.css': { pkg: 'swagger-ui-dist', path: 'swagger-ui.css', type: CSS },
  'swagger-ui-bundle.js': { pkg: 'swagger-ui-dist', path: 'swagger-ui-bundle.js', type: JS },
  'swagger-ui-standalone-preset.js': {
    pkg: 'swagger-ui-dist',
    path: 'swagger-ui-standalone-preset.js',
    type: JS,
  },
  'favicon.png': { pkg: 'swagger-ui-dist', path: 'favicon-32x32.png', type: 'image/png' },
  'asyncapi-standalone.js': {
    pkg: '@asyncapi/react-component',
    path: 'browser/standalone/index.js',
    type: JS,
  },
  'asyncapi.css': { pkg: '@asyncapi/react-component', path: 'styles/default.min.css', type: CSS },
  'ajv7.min.js': { pkg: 'ajv-dist', path: 'dist/ajv7.min.js', type: JS },
  'docs.css': { path: 'browser/docs.css', type: CSS },
  'push-console.js': { path: 'browser/push-console.js', type: JS },
  'operation-link.js': { path: 'browser/operation-link.js', type: JS },
};

const require = createRequire(import.meta.url);

function assetFile(asset: Asset): string {
  if (!asset.pkg) return join(import.meta.dirname, asset.path);
  return join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.path);
}

/**
 * Serves the docs pages' assets (Swagger UI, the AsyncAPI React component's standalone bundle, Ajv's
 * browser bundle, and the page scripts in `browser/`), each read once and cached in memory, plus
 * `/favicon.ico` so browsers opening `/docs` get no 404.
 */
export function mountDocsAssets(app: Hono<GatewayEnv>): void {
  const cache = new Map<string, Promise<Buffer>>();
  const load = (name: string, asset: Asset): Promise<Buffer> => {
    let body = cache.get(name);
    if (!body) {
      body = readFile(assetFile(asset));
      cache.set(name, body);
    }
    return body;
  };
  for (const [name, asset] of Object.entries(ASSETS)) {
    app.get(`${ASSET_BASE}/${name}`, async function docsAsset(c) {
      return c.body(new Uint8Array(await load(name, asset)), 200, {
        'content-type': asset.type,
        'cache-control': 'public, max-age=86400',
      });
    });
  }
  const favicon = ASSETS['favicon.png'];
  if (favicon) {
    app.get('/favicon.ico', async function faviconAsset(c) {
      return c.body(new Uint8Array(await load('favicon.png', favicon)), 200, {
        'content-type': favicon.type,
        'cache-control': 'public, max-age=86400',
      });
    });
  }
}
