import { ASSET_BASE } from './docs-assets.ts';
import { docsLayout, scriptJson } from './docs-layout.ts';

/**
 * `/docs/push`: `asyncapi/push.yaml` rendered by the AsyncAPI React component's standalone bundle
 * (served locally from npm, no CDN), under the same top bar as Swagger UI.
 */
export function asyncapiPage(documentUrl: string): string {
  const props = scriptJson({
    schema: { url: documentUrl, options: { method: 'GET' } },
    config: { show: { sidebar: true, errors: true }, sidebar: { showOperations: 'byDefault' } },
  });
  const head = `<link rel="stylesheet" href="${ASSET_BASE}/asyncapi.css" />`;
  const body = `<main class="imgate-asyncapi"><div id="asyncapi"></div></main>
<script src="${ASSET_BASE}/asyncapi-standalone.js"></script>
<script>
AsyncApiStandalone.render(${props}, document.getElementById('asyncapi'));
</script>`;
  return docsLayout('push', 'imgate push channel (AsyncAPI)', head, body);
}
