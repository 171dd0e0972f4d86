import type { Hono } from 'hono';
import { asyncapiDocuments, openapiDocuments } from '../../generated/documents.ts';
import type { GatewayEnv } from '../operation-table.ts';
import { mountSwaggerAssets } from './swagger-assets.ts';
import { type DocumentLink, swaggerPage } from './swagger-page.ts';

/** Order of the selector: the client-facing variants first, the admin API last. */
const ORDER = ['messages', 'imchat', 'record', 'admin'];

function rank(name: string): number {
  const index = ORDER.indexOf(name);
  return index < 0 ? ORDER.length : index;
}

/**
 * The documents the gateway serves: `/openapi/<name>.json` (the bundled `openapi/<name>.yaml`),
 * `/asyncapi.json` (`asyncapi/push.yaml`), and Swagger UI at `/docs` over every OpenAPI document.
 */
export function mountDocs(app: Hono<GatewayEnv>): void {
  const names = Object.keys(openapiDocuments).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const name of names) {
    const document = openapiDocuments[name as keyof typeof openapiDocuments];
    app.get(`/openapi/${name}.json`, (c) => c.json(document));
  }
  const push = Object.values(asyncapiDocuments)[0];
  if (push) app.get('/asyncapi.json', (c) => c.json(push));
  const links: DocumentLink[] = names.map((name) => ({ name, url: `/openapi/${name}.json` }));
  const page = swaggerPage(links);
  app.get('/docs', (c) => c.html(page));
  app.get('/docs/', (c) => c.redirect('/docs'));
  mountSwaggerAssets(app);
}
