import { ASSET_BASE } from './swagger-assets.ts';

/** One entry of Swagger UI's document selector. */
export interface DocumentLink {
  readonly name: string;
  readonly url: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The `/docs` page: Swagger UI's standalone layout, whose top bar selects any document, with the
 * bearer token remembered across reloads (`persistAuthorization`). Written by hand rather than with
 * @hono/swagger-ui because that helper loads its assets from a CDN and omits the standalone preset
 * that the document selector needs.
 */
export function swaggerPage(documents: readonly DocumentLink[]): string {
  const config = JSON.stringify({
    urls: documents,
    'urls.primaryName': documents[0]?.name,
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    displayOperationId: true,
    tryItOutEnabled: false,
  }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escapeHtml('imgate API documents')}</title>
<link rel="stylesheet" href="${ASSET_BASE}/swagger-ui.css" />
</head>
<body>
<div id="swagger-ui"></div>
<script src="${ASSET_BASE}/swagger-ui-bundle.js"></script>
<script src="${ASSET_BASE}/swagger-ui-standalone-preset.js"></script>
<script>
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle(Object.assign(${config}, {
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
  }));
});
</script>
</body>
</html>
`;
}
