import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What `fetch` would have sent, as bytes: the body and its headers (multipart boundary included). */
export async function toBytes(
  body: string | FormData | undefined,
  headers: Readonly<Record<string, string>>,
): Promise<{ bytes: Buffer; headers: Record<string, string> }> {
  if (body === undefined) return { bytes: Buffer.alloc(0), headers: { ...headers } };
  const encoded = new Response(body);
  const type = encoded.headers.get('content-type');
  const out = { ...headers, ...(typeof body === 'string' ? {} : type ? { 'content-type': type } : {}) };
  return { bytes: Buffer.from(await encoded.arrayBuffer()), headers: out };
}

/**
 * Sends one request on a connection of its own (`Connection: close`, no pool). For bodies over the
 * server's limit: HTTP lets a server answer 413 before reading the body and then close the
 * connection (RFC 9110 §15.5.14), which would break a pooled keep-alive connection mid-upload.
 */
export function sendOnFreshConnection(
  url: string,
  method: string,
  headers: Readonly<Record<string, string>>,
  bytes: Buffer,
  timeoutMs: number,
): Promise<{ status: number; headers: Record<string, string>; text: string }> {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent: false,
        timeout: timeoutMs,
        headers: { ...headers, connection: 'close', 'content-length': String(bytes.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = String(v);
          resolve({
            status: res.statusCode ?? 0,
            headers: out,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(bytes);
  });
}
