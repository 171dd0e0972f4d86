import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { GatewayEnv } from './operation-table.ts';

const JSON_TYPE = /^application\/([a-z.-]+\+)?json\s*(;|$)/i;

function tooLarge(maxSize: number): never {
  throw new HTTPException(413, { message: `request body exceeds ${maxSize} bytes` });
}

/** The body of a node request as text, refusing (413) past `maxSize` bytes without reading further. */
async function readText(incoming: IncomingMessage, maxSize: number): Promise<string> {
  if (Number(incoming.headers['content-length'] ?? 0) > maxSize) tooLarge(maxSize);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxSize) tooLarge(maxSize);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/**
 * `BODY_LIMIT` enforcement: a larger body throws a 413 that the variant's error handler renders in
 * the variant's body. A JSON body is read straight from the node request into hono's body cache,
 * so neither the limit nor the validator builds a fetch `Request` and its web stream (the
 * node-server adapter's largest per-request cost, bench/profile); other bodies (multipart) go
 * through hono's `bodyLimit`.
 */
export function requestBodyLimit(maxSize: number): MiddlewareHandler<GatewayEnv> {
  const streamed = bodyLimit({ maxSize, onError: () => tooLarge(maxSize) });
  return async function requestBodyLimit(c, next) {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const type = incoming?.headers['content-type'];
    if (!incoming || type === undefined || !JSON_TYPE.test(type)) return streamed(c, next);
    // hono keeps the body's promise in its cache (its types name the resolved value)
    (c.req.bodyCache as Record<string, Promise<string>>).text = Promise.resolve(
      await readText(incoming, maxSize),
    );
    return next();
  };
}
