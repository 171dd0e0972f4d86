import { sendOnFreshConnection, toBytes } from './fresh-connection.ts';

/**
 * The only place that talks HTTP to the server under test. A connection that fails is reported
 * as status 0 (the server is at fault, not the tool): `not_a_server_error` flags it.
 */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly mediaType?: string;
  /** Send on a connection of its own (see fresh-connection.ts), e.g. for a body over the limit. */
  readonly freshConnection?: boolean;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** The parsed body when it is JSON, otherwise undefined. */
  readonly json: unknown;
  readonly elapsedMs: number;
  readonly error?: string;
}

export interface Exchange {
  readonly request: HttpRequest;
  readonly response: HttpResponse;
}

function encode(request: HttpRequest): {
  body: string | FormData | undefined;
  headers: Record<string, string>;
} {
  const headers = { ...request.headers };
  if (request.body === undefined) return { body: undefined, headers };
  const media = request.mediaType ?? 'application/json';
  if (media.startsWith('multipart/') && request.body !== null && typeof request.body === 'object') {
    const form = new FormData();
    for (const [k, v] of Object.entries(request.body))
      form.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    return { body: form, headers };
  }
  headers['content-type'] = media;
  return { body: JSON.stringify(request.body), headers };
}

/** The fresh-connection answer in the shape of a fetch Response. */
async function fresh(
  request: HttpRequest,
  body: string | FormData | undefined,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Response> {
  const encoded = await toBytes(body, headers);
  const res = await sendOnFreshConnection(
    request.url,
    request.method,
    encoded.headers,
    encoded.bytes,
    timeoutMs,
  );
  return new Response(res.text === '' ? null : res.text, { status: res.status, headers: res.headers });
}

/** Sends one request with a timeout; never throws for server behaviour. */
export async function send(request: HttpRequest, timeoutMs = 10_000): Promise<HttpResponse> {
  const started = performance.now();
  const { body, headers } = encode(request);
  try {
    const res = request.freshConnection
      ? await fresh(request, body, headers, timeoutMs)
      : await fetch(request.url, {
          method: request.method,
          headers,
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const out: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      out[key] = value;
    });
    return { status: res.status, headers: out, text, json, elapsedMs: performance.now() - started };
  } catch (error) {
    const reason = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : '';
    return {
      status: 0,
      headers: {},
      text: '',
      json: undefined,
      elapsedMs: performance.now() - started,
      error: `${(error as Error).message} ${reason}`.trim(),
    };
  }
}

/** Repros stay readable: a value over 2 KiB (a body over the server's limit) is cut and marked. */
const MAX_REPRO_VALUE = 2048;
const quote = (raw: string): string => {
  const s = raw.length > MAX_REPRO_VALUE ? `${raw.slice(0, 200)}…(${raw.length - 200} more characters)` : raw;
  return `'${s.replaceAll("'", "'\\''")}'`;
};

/** A one-line curl command that replays the request (the token stays in: CI logs are private). */
export function toCurl(request: HttpRequest): string {
  const parts = ['curl', '-sS', '-X', request.method, quote(request.url)];
  for (const [k, v] of Object.entries(request.headers)) parts.push('-H', quote(`${k}: ${v}`));
  const media = request.mediaType ?? 'application/json';
  if (
    request.body !== undefined &&
    media.startsWith('multipart/') &&
    typeof request.body === 'object' &&
    request.body
  ) {
    for (const [k, v] of Object.entries(request.body)) {
      parts.push('-F', quote(`${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`));
    }
  } else if (request.body !== undefined) {
    parts.push('-H', quote(`content-type: ${media}`), '--data-raw', quote(JSON.stringify(request.body)));
  }
  return parts.join(' ');
}
