import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { MultipartError } from './multipart.ts';
import { multipartFormData } from './multipart-form.ts';
import type { GatewayEnv } from './operation-table.ts';

const JSON_TYPE = /^application\/([a-z.-]+\+)?json\s*(;|$)/i;

function tooLarge(maxSize: number): never {
  throw new HTTPException(413, { message: `request body exceeds ${maxSize} bytes` });
}

/** The body of a node request, refusing (413) past `maxSize` bytes without reading further. */
async function readBytes(incoming: IncomingMessage, maxSize: number): Promise<Buffer> {
  if (Number(incoming.headers['content-length'] ?? 0) > maxSize) tooLarge(maxSize);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxSize) tooLarge(maxSize);
    chunks.push(chunk);
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size);
}

/** hono's own test for a form body's media type (its `form` validator reads the cache only then). */
function isMultipart(type: string): boolean {
  return type.split(';')[0]?.trim().toLowerCase() === 'multipart/form-data';
}

/**
 * The parsed form, or a 400 naming what is malformed. The failure surfaces only where the `form`
 * validator awaits it, after the route's media-type check (as hono's own parse did); a route
 * without a form validator never awaits it, so it is marked handled.
 */
function cachedForm(body: Buffer, type: string): Promise<FormData> {
  try {
    return Promise.resolve(multipartFormData(body, type));
  } catch (error) {
    if (!(error instanceof MultipartError)) throw error;
    const message = `body: malformed multipart/form-data: ${error.message}`;
    const rejected = Promise.reject(new HTTPException(400, { message, cause: error }));
    rejected.catch(() => undefined);
    return rejected;
  }
}

/**
 * `BODY_LIMIT` enforcement: a larger body throws a 413 that the variant's error handler renders in
 * the variant's body. JSON and multipart bodies are read straight from the node request into
 * hono's body cache (the text; the parsed `FormData`, src/http/multipart.ts), so neither the limit
 * nor the validator builds a fetch `Request`, its web stream and undici's form parser (the largest
 * per-request costs, bench/profile); other bodies (url-encoded forms) go through hono's `bodyLimit`.
 */
export function requestBodyLimit(maxSize: number): MiddlewareHandler<GatewayEnv> {
  const streamed = bodyLimit({ maxSize, onError: () => tooLarge(maxSize) });
  return async function requestBodyLimit(c, next) {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const type = incoming?.headers['content-type'];
    if (!incoming || type === undefined) return streamed(c, next);
    // hono keeps the body's promise in its cache (its types name the resolved value)
    const cache = c.req.bodyCache as { text?: Promise<string>; formData?: Promise<FormData> };
    if (JSON_TYPE.test(type)) {
      cache.text = Promise.resolve((await readBytes(incoming, maxSize)).toString('utf8'));
    } else if (isMultipart(type)) {
      cache.formData = cachedForm(await readBytes(incoming, maxSize), type);
    } else {
      return streamed(c, next);
    }
    return next();
  };
}
