import type { Hono } from 'hono';
import { asyncapiDocuments, openapiDocuments } from '../../generated/documents.ts';
import type { MintToken } from '../auth/index.ts';
import type { GatewayEnv } from '../operation-table.ts';
import { asyncapiPage } from './asyncapi-page.ts';
import { mountDocsAssets } from './docs-assets.ts';
import { mountSandboxTokens, type SandboxTokenUser } from './sandbox-tokens.ts';
import { type DocumentLink, swaggerPage } from './swagger-page.ts';

export type { SandboxTokenUser } from './sandbox-tokens.ts';

/** Order of the selector: the client-facing variants first, the admin API last. */
const ORDER = ['messages', 'imchat', 'record', 'admin'];

function rank(name: string): number {
  const index = ORDER.indexOf(name);
  return index < 0 ? ORDER.length : index;
}

/** What the docs offer beyond the documents: one-click tokens for the development sandbox. */
export interface DocsOptions {
  /** Set in development mode with the sandbox on; `/docs/sandbox-tokens` answers 404 otherwise. */
  readonly sandbox?: { readonly users: readonly SandboxTokenUser[]; readonly mintToken: MintToken };
}

/**
 * The documents the gateway serves: `/openapi/<name>.json` (the bundled `openapi/<name>.yaml`),
 * `/asyncapi.json` (`asyncapi/push.yaml`), Swagger UI with the live push console at `/docs`, and the
 * AsyncAPI view at `/docs/push`.
 */
export function mountDocs(app: Hono<GatewayEnv>, options: DocsOptions = {}): void {
  const names = Object.keys(openapiDocuments).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const name of names) {
    const document = openapiDocuments[name as keyof typeof openapiDocuments];
    app.get(`/openapi/${name}.json`, (c) => c.json(document));
  }
  const push = Object.values(asyncapiDocuments)[0];
  if (push) app.get('/asyncapi.json', (c) => c.json(push));
  const links: DocumentLink[] = names.map((name) => ({ name, url: `/openapi/${name}.json` }));
  const page = swaggerPage(links);
  const pushPage = asyncapiPage('/asyncapi.json');
  app.get('/docs', (c) => c.html(page));
  app.get('/docs/', (c) => c.redirect('/docs'));
  app.get('/docs/push', (c) => c.html(pushPage));
  if (options.sandbox) mountSandboxTokens(app, options.sandbox.users, options.sandbox.mintToken);
  mountDocsAssets(app);
}
