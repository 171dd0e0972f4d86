/**
 * The API variants the gateway serves, told apart by path prefix (DESIGN.md "The four source
 * variants"); each renders errors in its own body.
 */
export type Variant = 'messages' | 'imchat' | 'record' | 'admin';

/** Path prefixes of each variant, as the documents in `openapi/` spell them. */
export const VARIANT_PREFIXES: Readonly<Record<Variant, readonly string[]>> = {
  messages: ['/message/', '/messages/', '/chat/'],
  imchat: ['/im.chat/'],
  record: ['/app/record/', '/record/'],
  admin: ['/admin/'],
};

const BY_PREFIX = Object.entries(VARIANT_PREFIXES).flatMap(([variant, prefixes]) =>
  prefixes.map((prefix) => [prefix, variant as Variant] as const),
);

/** The variant a request path belongs to, or undefined for the gateway's own paths (`/docs`, `/healthz`). */
export function variantOfPath(path: string): Variant | undefined {
  return BY_PREFIX.find(([prefix]) => path.startsWith(prefix))?.[1];
}
