import { ASSET_BASE } from './docs-assets.ts';
import { docsLayout, scriptJson } from './docs-layout.ts';

/** One entry of Swagger UI's document selector. */
export interface DocumentLink {
  readonly name: string;
  readonly url: string;
}

const CONSOLE = `<aside class="push-console" aria-label="Live push console">
<section id="sandbox" hidden>
<h2>Sandbox tokens</h2>
<p>Development mode: one click authorizes as a sandbox user (the examples are written for Alice).
Administrator examples need the admin token <code>imgate serve</code> printed.</p>
<div id="sandbox-users"></div>
</section>
<h2>Live push console</h2>
<p>Opens <code>/ws</code> with the token given to <b>Authorize</b> and shows every frame as it arrives,
validated against <a href="/docs/push">the AsyncAPI messages</a>. Execute <code>/message/send</code> and watch
its <code>send message</code> arrive.</p>
<p>No token yet? Use the admin token <code>imgate serve</code> printed, <code>imgate token &lt;user&gt;</code>,
or <code>POST /admin/tokens</code> (admin document).</p>
<div id="push-status" data-state="idle">loading…</div>
<div class="push-controls">
<label>event <select id="push-filter">
<option value="">all</option>
<option value="send message">send message</option>
<option value="withdraw message">withdraw message</option>
<option value="read message">read message</option>
<option value="message.sent">message.sent (canonical)</option>
<option value="message.recalled">message.recalled (canonical)</option>
<option value="read_mark.advanced">read_mark.advanced (canonical)</option>
</select></label>
<label>format <select id="push-format"><option value="seed">seed</option><option value="canonical">canonical</option></select></label>
<button type="button" id="push-clear">clear</button>
<span><span id="push-count">0</span> frames</span>
</div>
<ol id="push-frames"></ol>
</aside>`;

/**
 * The `/docs` page: Swagger UI's standalone layout, whose top bar selects any document, with the
 * bearer token remembered across reloads (`persistAuthorization`), beside the live push console
 * (`browser/push-console.js`), and with links rendered with their request bodies
 * (`browser/operation-link.js`). Written by hand rather than with @hono/swagger-ui because that helper
 * loads its assets from a CDN and omits the standalone preset the document selector needs.
 */
export function swaggerPage(documents: readonly DocumentLink[]): string {
  const config = scriptJson({
    urls: documents,
    'urls.primaryName': documents[0]?.name,
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    displayOperationId: true,
    tryItOutEnabled: false,
  });
  const head = `<link rel="stylesheet" href="${ASSET_BASE}/swagger-ui.css" />`;
  const body = `<div class="imgate-docs">
<div id="swagger-ui"></div>
${CONSOLE}
</div>
<script src="${ASSET_BASE}/swagger-ui-bundle.js"></script>
<script src="${ASSET_BASE}/swagger-ui-standalone-preset.js"></script>
<script src="${ASSET_BASE}/ajv7.min.js"></script>
<script src="${ASSET_BASE}/push-console.js"></script>
<script src="${ASSET_BASE}/operation-link.js"></script>
<script>
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle(Object.assign(${config}, {
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl, window.ImgatePushConsolePlugin, window.ImgateOperationLinkPlugin],
    layout: 'StandaloneLayout',
  }));
});
</script>`;
  return docsLayout('http', 'imgate API documents', head, body);
}
