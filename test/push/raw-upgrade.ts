import { connect, type Socket } from 'node:net';

/** An upgrade request as `nc` would send it: no key, nothing but the headers a scanner sends. */
export function upgradeRequest(path: string, extra = ''): string {
  return `GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n${extra}\r\n`;
}

/** A raw TCP socket to `url` (http:// or ws://) that has sent `request` and collects what comes back. */
export interface RawSocket {
  readonly socket: Socket;
  /** Everything received so far. */
  received(): Buffer;
  /** Resolves once the server ended or closed the connection. */
  readonly ended: Promise<void>;
}

/** Opens a raw socket and writes `request` on it. */
export async function openRaw(url: string, request: string): Promise<RawSocket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => undefined);
  const ended = new Promise<void>((resolve) => {
    socket.once('end', resolve);
    socket.once('close', resolve);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(request);
  return { socket, received: () => Buffer.concat(chunks), ended };
}
