import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CloseCode } from '../../src/push/index.ts';
import { connect, type HubHarness, sentEvent, settle, startHub } from './fixtures.ts';

let harness: HubHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Sends a raw upgrade request and reports the HTTP status and whether a WebSocket was opened. */
function rawUpgrade(url: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number | undefined; upgraded: boolean; body: string }>((resolve, reject) => {
    const req = request(`${url.replace('ws:', 'http:')}${path}`, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve({ status: 101, upgraded: true, body: '' });
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode, upgraded: false, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('push hub: upgrade and authentication', () => {
  it('refuses a missing or invalid token with 401 and opens no socket', async () => {
    harness = await startHub();
    const missing = await rawUpgrade(harness.url, '/ws');
    const invalid = await rawUpgrade(harness.url, '/ws', { Authorization: 'Bearer nope' });
    const invalidQuery = await rawUpgrade(harness.url, '/ws?token=nope');
    for (const result of [missing, invalid, invalidQuery]) {
      expect(result).toMatchObject({ status: 401, upgraded: false });
      expect(JSON.parse(result.body)).toMatchObject({ code: 401 });
    }
    expect(harness.hub.stats()).toMatchObject({ connections: 0, refusedUpgrades: 3 });
  });

  it('accepts the token from the Authorization header and from ?token=', async () => {
    harness = await startHub();
    const byHeader = await connect(`${harness.url}/ws`, { headers: { Authorization: 'Bearer tok-alice' } });
    const byQuery = await connect(`${harness.url}/ws?token=tok-bob`);
    expect(harness.hub.stats()).toMatchObject({ connections: 2, users: 2 });
    harness.publish(sentEvent(['alice', 'bob']));
    await byHeader.waitFor(1);
    await byQuery.waitFor(1);
    byHeader.ws.close();
    byQuery.ws.close();
  });

  it('answers upgrades on other paths with 404 and closes them', async () => {
    harness = await startHub();
    const result = await rawUpgrade(harness.url, '/other?token=tok-alice');
    expect(result).toMatchObject({ status: 404, upgraded: false });
    expect(JSON.parse(result.body)).toMatchObject({ code: 404 });
    expect(harness.hub.stats().refusedUpgrades).toBe(1);
  });

  it('refuses an unknown format with 400', async () => {
    harness = await startHub();
    const result = await rawUpgrade(harness.url, '/ws?token=tok-alice&format=xml');
    expect(result).toMatchObject({ status: 400, upgraded: false });
  });
});

describe('push hub: routing by audience', () => {
  it('delivers to every connection of every audience member, and to nobody else', async () => {
    harness = await startHub();
    const aliceA = await connect(`${harness.url}/ws?token=tok-alice`);
    const aliceB = await connect(`${harness.url}/ws?token=tok-alice`);
    const bob = await connect(`${harness.url}/ws?token=tok-bob`);
    const mallory = await connect(`${harness.url}/ws?token=tok-mallory`);
    const event = sentEvent(['alice', 'bob'], {
      actorNum: 3,
      chatNum: 9,
      messageNum: 41,
      at: 1_713_844_846_080,
    });
    harness.publish(event);
    const expected = {
      type: 'chat.message',
      status: 'send message',
      user_id: 3,
      chat_id: 9,
      msg_id: 41,
      update_time: 1_713_844_846.08,
    };
    for (const client of [aliceA, aliceB, bob]) expect(await client.waitFor(1)).toEqual([expected]);
    await settle();
    expect(mallory.messages).toEqual([]);
    expect(harness.hub.stats()).toMatchObject({ eventsReceived: 1, framesSent: 3 });
  });

  it('stops delivering to a connection once it closed, keeping the user’s other ones', async () => {
    harness = await startHub();
    const first = await connect(`${harness.url}/ws?token=tok-alice`);
    const second = await connect(`${harness.url}/ws?token=tok-alice`);
    first.ws.close();
    await first.closed;
    await settle(50);
    harness.publish(sentEvent(['alice']));
    await second.waitFor(1);
    expect(harness.hub.stats()).toMatchObject({ connections: 1, framesSent: 1 });
  });

  it('sends the canonical format to a client that asked for it', async () => {
    harness = await startHub();
    const client = await connect(`${harness.url}/ws?token=tok-alice&format=canonical`);
    harness.publish(sentEvent(['alice'], { chatId: 's_abc', messageNum: 5, sequence: 2 }));
    const [message] = await client.waitFor(1);
    expect(message).toMatchObject({
      type: 'imgate.event',
      kind: 'message.sent',
      chat_id: 's_abc',
      msg_num: 5,
    });
  });
});

describe('push hub: liveness and shutdown', () => {
  it('closes a connection that stopped answering pings (4408) after two missed pongs', async () => {
    harness = await startHub({ heartbeatMs: 50 });
    const live = await connect(`${harness.url}/ws?token=tok-alice`);
    const dead = await connect(`${harness.url}/ws?token=tok-bob`, { autoPong: false });
    const started = Date.now();
    const { code } = await dead.closed;
    // The close frame is written before the socket is destroyed, so a peer that still reads sees 4408.
    expect(code).toBe(CloseCode.heartbeatTimeout);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(live.ws.readyState).toBe(WebSocket.OPEN);
    expect(harness.hub.stats()).toMatchObject({ connections: 1, heartbeatTimeouts: 1 });
  });

  it('closes every socket with 1001 on close()', async () => {
    harness = await startHub();
    const clients = await Promise.all([1, 2, 3].map(() => connect(`${harness?.url}/ws?token=tok-alice`)));
    await harness.hub.close();
    for (const client of clients) expect((await client.closed).code).toBe(CloseCode.shutdown);
    expect(harness.hub.stats().connections).toBe(0);
  });
});
