import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connect, type HubHarness, startHub } from './fixtures.ts';
import type { RawSocket } from './raw-upgrade.ts';
import { closeCodeIn, openRawWebSocket, waitUntil } from './raw-websocket.ts';

let harness: HubHarness | undefined;
const rawSockets: RawSocket[] = [];
afterEach(async () => {
  for (const raw of rawSockets.splice(0)) raw.socket.destroy();
  await harness?.close();
  harness = undefined;
});

/** The head of a masked client binary frame announcing `length` payload bytes (64-bit length form). */
function maskedFrameHead(length: number): Buffer {
  const head = Buffer.alloc(14);
  head[0] = 0x82;
  head[1] = 0x80 | 127;
  head.writeBigUInt64BE(BigInt(length), 2);
  head.writeUInt32BE(0x01020304, 10);
  return head;
}

describe('push hub: what a client may send and open', () => {
  it('closes a connection that sends a frame above maxPayload with 1009', async () => {
    harness = await startHub({ maxPayload: 1024 });
    const client = await connect(`${harness.url}/ws?token=tok-alice`);
    client.ws.send(Buffer.alloc(2048));
    expect((await client.closed).code).toBe(1009);
    const small = await connect(`${harness.url}/ws?token=tok-bob`);
    small.ws.send(Buffer.alloc(512));
    small.ws.ping();
    await new Promise((resolve) => small.ws.once('pong', resolve));
    expect(small.ws.readyState).toBe(WebSocket.OPEN);
    small.ws.close();
  });

  it('closes an unfinished 64 MiB frame as soon as its header arrives, before buffering it', async () => {
    harness = await startHub();
    const raw = await openRawWebSocket(harness.url, '/ws?token=tok-alice');
    rawSockets.push(raw);
    raw.socket.write(Buffer.concat([maskedFrameHead(64 * 1024 * 1024), Buffer.alloc(4096)]));
    await waitUntil(raw, () => closeCodeIn(raw.received()) !== undefined);
    expect(closeCodeIn(raw.received())).toBe(1009);
    expect(harness.hub.stats().connections).toBe(0);
  });

  it('refuses a connection above the per-user cap with 429, and accepts again once one closed', async () => {
    harness = await startHub({ maxConnectionsPerUser: 2 });
    const first = await connect(`${harness.url}/ws?token=tok-alice`);
    const second = await connect(`${harness.url}/ws?token=tok-alice`);
    const refused = await new Promise<number | undefined>((resolve, reject) => {
      const ws = new WebSocket(`${harness?.url}/ws?token=tok-alice`);
      ws.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode);
        res.destroy();
      });
      ws.once('open', () => reject(new Error('a third connection was opened')));
      ws.once('error', () => undefined);
    });
    expect(refused).toBe(429);
    const other = await connect(`${harness.url}/ws?token=tok-bob`);
    first.ws.close();
    await first.closed;
    const third = await connect(`${harness.url}/ws?token=tok-alice`);
    expect(harness.hub.stats()).toMatchObject({ connections: 3, users: 2 });
    for (const client of [second, other, third]) client.ws.close();
  });
});
