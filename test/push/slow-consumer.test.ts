import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, renderSeedText } from '../../src/push/index.ts';
import { connect, type HubHarness, sentEvent, startHub } from './fixtures.ts';

let harness: HubHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The TCP socket under a `ws` client, to stop reading from it as a stalled device would. */
function tcpSocketOf(ws: object): Socket {
  return (ws as { _socket: Socket })._socket;
}

function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('push hub: slow consumer', () => {
  it('closes a client that stopped reading with 4429, keeping server buffers bounded', async () => {
    const queueLimit = 100;
    harness = await startHub({ queueLimit, closeGraceMs: 10_000 });
    const slow = await connect(`${harness.url}/ws?token=tok-slow`);
    const fast = await connect(`${harness.url}/ws?token=tok-fast`);
    tcpSocketOf(slow.ws).pause();

    const frameBytes = Buffer.byteLength(renderSeedText(sentEvent(['x'])));
    let published = 0;
    let maxBuffered = 0;
    // Kernel socket buffers absorb a few MB first; bounded loop, batches small enough for the fast reader.
    while (harness.hub.stats().slowConsumersClosed === 0 && published < 300_000) {
      for (let i = 0; i < 25; i += 1) harness.publish(sentEvent(['slow', 'fast']));
      published += 25;
      maxBuffered = Math.max(maxBuffered, harness.hub.stats().bufferedBytes);
      await nextMacrotask();
    }
    expect(harness.hub.stats().slowConsumersClosed).toBe(1);
    // Nothing more is queued for the slow client: the server holds at most the queue limit (+ frame headers).
    expect(maxBuffered).toBeLessThanOrEqual(queueLimit * (frameBytes + 8) * 2);
    const sentBefore = harness.hub.stats().framesSent;
    for (let i = 0; i < 1_000; i += 1) harness.publish(sentEvent(['slow', 'fast']));
    expect(harness.hub.stats().framesSent - sentBefore).toBe(1_000);
    published += 1_000;

    // The fast reader was never cut off and got everything.
    await fast.waitFor(published, 10_000);
    expect(fast.ws.readyState).toBe(fast.ws.OPEN);

    // Once it reads again, the slow client finds the close code after what was already queued.
    tcpSocketOf(slow.ws).resume();
    const { code } = await slow.closed;
    expect(code).toBe(CloseCode.slowConsumer);
    expect(slow.messages.length).toBeLessThan(published);
    expect(harness.hub.stats().connections).toBe(1);
  });
});
