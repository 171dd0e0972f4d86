/** `messages` -> `Messages`, `imchat` -> `Imchat`. */
function pascal(variant: string): string {
  return variant.charAt(0).toUpperCase() + variant.slice(1);
}

/**
 * The source of `<variant>-client.ts`: a typed fetch client (openapi-fetch over the variant's
 * `paths`) that sends the bearer token on every request, so a call like
 * `client.POST('/message/send', { body })` has its path, body and answer typed from the document.
 */
export function fetchClientSource(variant: string): string {
  const name = pascal(variant);
  return `import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './${variant}.js';

export type { components, operations, paths } from './${variant}.js';

/** Options of \`create${name}Client\`: openapi-fetch's, plus the bearer token (docs/bindings.md). */
export interface ${name}ClientOptions extends ClientOptions {
  /** Sent as \`Authorization: Bearer <token>\` on every request. */
  readonly token?: string;
}

/** A typed fetch client for the ${variant} variant (openapi/${variant}.yaml). */
export function create${name}Client(options: ${name}ClientOptions = {}): Client<paths> {
  const { token, ...rest } = options;
  const client = createClient<paths>(rest);
  if (token) {
    client.use({
      onRequest({ request }) {
        request.headers.set('authorization', \`Bearer \${token}\`);
        return request;
      },
    });
  }
  return client;
}
`;
}
