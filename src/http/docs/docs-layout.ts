import { ASSET_BASE } from './docs-assets.ts';

/** The two docs pages, linked both ways from the top bar. */
export type DocsPage = 'http' | 'push';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Inlines a value into a `<script>`: JSON with `<` escaped so no string can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function navLink(href: string, label: string, current: boolean): string {
  return `<a href="${href}"${current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`;
}

/**
 * The frame both docs pages share (head, favicon, the top bar linking Swagger UI and the AsyncAPI
 * view), so they look like one site; `head` and `body` are trusted page-specific markup.
 */
export function docsLayout(page: DocsPage, title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escapeHtml(title)}</title>
<link rel="icon" type="image/png" href="${ASSET_BASE}/favicon.png" />
${head}
<link rel="stylesheet" href="${ASSET_BASE}/docs.css" />
</head>
<body>
<nav class="imgate-nav">
<span class="brand">imgate</span>
${navLink('/docs', 'HTTP APIs (OpenAPI)', page === 'http')}
${navLink('/docs/push', 'Push channel /ws (AsyncAPI)', page === 'push')}
<span class="hint">documents: <a href="/asyncapi.json">/asyncapi.json</a>, <code>/openapi/&lt;variant&gt;.json</code></span>
</nav>
${body}
</body>
</html>
`;
}
