import { openRaw, type RawSocket } from './raw-upgrade.ts';

/** A server frame as read off the wire. */
export interface WireFrame {
  readonly opcode: number;
  readonly payload: Buffer;
}

/**
 * Does the WebSocket handshake on a raw TCP socket and resolves once the 101 arrived, so a test can
 * then stop reading (`socket.pause()`) exactly as a stalled device would, with no client library
 * answering pings behind its back.
 */
export async function openRawWebSocket(url: string, path: string): Promise<RawSocket> {
  const raw = await openRaw(
    url,
    `GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
  );
  await waitUntil(raw, () => raw.received().indexOf('\r\n\r\n') >= 0);
  const head = raw.received().toString('latin1');
  if (!head.startsWith('HTTP/1.1 101')) throw new Error(`handshake refused: ${head.split('\r\n')[0]}`);
  return raw;
}

/** Resolves once `done()` holds after some data arrived; rejects if the socket closes first. */
export function waitUntil(raw: RawSocket, done: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    if (done()) return resolve();
    function onData(): void {
      if (!done()) return;
      raw.socket.off('data', onData);
      resolve();
    }
    raw.socket.on('data', onData);
    void raw.ended.then(() => (done() ? resolve() : reject(new Error('socket closed first'))));
  });
}

/** The server frames in what followed the handshake (unmasked, as RFC 6455 servers send them). */
export function serverFrames(received: Buffer): WireFrame[] {
  const frames: WireFrame[] = [];
  let offset = received.indexOf('\r\n\r\n') + 4;
  while (offset + 2 <= received.length) {
    const opcode = (received[offset] as number) & 0x0f;
    let length = (received[offset + 1] as number) & 0x7f;
    let start = offset + 2;
    if (length === 126) {
      if (start + 2 > received.length) break;
      length = received.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > received.length) break;
      length = Number(received.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > received.length) break;
    frames.push({ opcode, payload: received.subarray(start, start + length) });
    offset = start + length;
  }
  return frames;
}

/** The close code of the first close frame in `received`, or undefined when none arrived yet. */
export function closeCodeIn(received: Buffer): number | undefined {
  const close = serverFrames(received).find((frame) => frame.opcode === 0x8);
  return close === undefined || close.payload.length < 2 ? undefined : close.payload.readUInt16BE(0);
}
