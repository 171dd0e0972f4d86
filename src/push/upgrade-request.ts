import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type PushFormat, parsePushFormat } from './push-format.ts';

/** The only path the hub answers upgrades on (`asyncapi/push.yaml#/channels/chatMessages`). */
export const PUSH_PATH = '/ws';

/** What the hub reads from an upgrade request before authenticating it. */
export interface PushUpgradeRequest {
  readonly token: string | null;
  readonly format: PushFormat | null;
}

/**
 * Parses an upgrade request aimed at `/ws`; `null` for any other path, which the hub answers with
 * 404 and closes (an unanswered upgrade socket would otherwise stay open for ever). The token comes from `Authorization: Bearer …` first, then `?token=`
 * (browsers cannot set headers on a WebSocket).
 */
export function readPushUpgrade(req: IncomingMessage): PushUpgradeRequest | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== PUSH_PATH) return null;
  const header = req.headers.authorization;
  const bearer = header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  const token = bearer ?? url.searchParams.get('token');
  return { token: token === '' ? null : token, format: parsePushFormat(url.searchParams.get('format')) };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Refuses an upgrade with a plain HTTP response and destroys the socket, so that no WebSocket is
 * ever opened for an unauthenticated client. The body is the `{code, msg}` error of the HTTP dialects;
 * a 401 carries `WWW-Authenticate` as the HTTP variants do.
 */
export function refuseUpgrade(socket: Duplex, status: number, message: string, tokenPresented = false): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ code: status, msg: message });
  const head = [
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  // RFC 6750 section 3: a bare challenge when no token came, `invalid_token` when one was refused.
  if (status === 401) head.push(`WWW-Authenticate: Bearer${tokenPresented ? ' error="invalid_token"' : ''}`);
  socket.once('finish', function destroyRefused() {
    socket.destroy();
  });
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
