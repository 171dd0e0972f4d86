import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody } from './error-body.ts';
import { variantOfPath } from './variants.ts';

/** Node's parser errors, answered as Node itself would (status) but with the variant's error body. */
const STATUS_BY_CODE: Readonly<Record<string, readonly [number, string, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'request headers are too large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Payload Too Large', 'chunk extensions are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request timed out'],
};

/** The request path in the first line of what the client sent, when there is one. */
function pathOf(rawPacket: unknown): string {
  if (!Buffer.isBuffer(rawPacket)) return '/';
  const line =
    rawPacket.subarray(0, Math.min(rawPacket.length, 8192)).toString('latin1').split('\r\n')[0] ?? '';
  return /^[A-Z]+ (\/\S*) HTTP\//.exec(line)?.[1] ?? '/';
}

/**
 * Requests Node's HTTP parser refuses before any handler runs (headers above the size limit,
 * malformed request lines) would get Node's bare answer with an empty body. This answers them
 * with the same status (431, 413, 408, else 400) and the error body of the variant the path
 * belongs to, then closes the connection, whose stream can no longer be parsed.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, msg] = STATUS_BY_CODE[error.code ?? ''] ?? [
      400,
      'Bad Request',
      'malformed request',
    ];
    const path = pathOf((error as { rawPacket?: unknown }).rawPacket);
    const body = JSON.stringify(errorBody(variantOfPath(path), status, msg));
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    socket.once('finish', () => socket.destroy());
  });
}
