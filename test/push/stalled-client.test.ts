import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, renderSeedText } from '../../src/push/index.ts';
import { connect, type HubHarness, sentEvent, startHub } from './fixtures.ts';
import type { RawSocket } from './raw-upgrade.ts';
import { closeCodeIn, openRawWebSocket, waitUntil } from './raw-websocket.ts';

let harness: HubHarness | undefined;
const rawSockets: RawSocket[] = [];
afterEach(async () => {
  for (const raw of rawSockets.splice(0)) raw.socket.destroy();
  await harness?.close();
  harness = undefined;
});

function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('push hub: a client that stops reading', () => {
  it('is closed with 4429 once its unconfirmed backlog exceeds the byte bound, kernel buffers included', async () => {
    const backlogBytes = 64 * 1024;
    harness = await startHub({ backlogBytes, closeGraceMs: 30_000 });
    const stalled = await openRawWebSocket(harness.url, '/ws?token=tok-stalled');
    rawSockets.push(stalled);
    stalled.socket.pause();
    const frameBytes = Buffer.byteLength(renderSeedText(sentEvent(['x'])));

    // 5,000 events: far less than the kernel's socket buffers absorb, so a bound that only
    // looks at user space never fires here.
    let published = 0;
    let maxBuffered = 0;
    while (harness.hub.stats().slowConsumersClosed === 0 && published < 5_000) {
      for (let i = 0; i < 10; i += 1) harness.publish(sentEvent(['stalled']));
      published += 10;
      maxBuffered = Math.max(maxBuffered, harness.hub.stats().bufferedBytes);
      await nextMacrotask();
    }
    expect(harness.hub.stats().slowConsumersClosed).toBe(1);
    // Everything the server let out to this client fits the bound (frames plus their 2-byte headers).
    const framesSent = harness.hub.stats().framesSent;
    expect(framesSent * (frameBytes + 2)).toBeLessThanOrEqual(backlogBytes);
    expect(maxBuffered).toBeLessThanOrEqual(backlogBytes);
    expect(harness.hub.stats().connections).toBe(0);

    // Reading again, the client finds the close code after what was already on its way.
    stalled.socket.resume();
    await waitUntil(stalled, () => closeCodeIn(stalled.received()) !== undefined);
    expect(closeCodeIn(stalled.received())).toBe(CloseCode.slowConsumer);
  });

  it('keeps a client that reads and answers pings, however many events it gets', async () => {
    harness = await startHub({ backlogBytes: 16 * 1024 });
    const client = await connect(`${harness.url}/ws?token=tok-fast`);
    for (let round = 0; round < 200; round += 1) {
      for (let i = 0; i < 10; i += 1) harness.publish(sentEvent(['fast']));
      await client.waitFor((round + 1) * 10, 5_000);
    }
    expect(client.messages).toHaveLength(2_000);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    expect(harness.hub.stats().slowConsumersClosed).toBe(0);
    client.ws.close();
  });
});
