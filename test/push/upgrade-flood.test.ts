import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from '../http/gateway-fixture.ts';
import { startGatewayProcess } from './gateway-process.ts';
import { openRaw, upgradeRequest } from './raw-upgrade.ts';

function openDescriptors(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

describe('push: upgrade requests to other paths', () => {
  it('are answered with 404 and closed, and shutdown completes while such clients stay connected', async () => {
    const gw = await startTestGateway();
    const sockets = await Promise.all(
      Array.from({ length: 20 }, (_, i) => openRaw(gw.url, upgradeRequest(`/x${i}`))),
    );
    await Promise.all(sockets.map((raw) => raw.ended));
    for (const raw of sockets) {
      const text = raw.received().toString();
      expect(text).toMatch(/^HTTP\/1\.1 404 /);
      expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 404 });
    }
    // A second wave that is never read nor closed by the client: close() must still complete.
    const lingering = await Promise.all(
      Array.from({ length: 20 }, (_, i) => openRaw(gw.url, upgradeRequest(`/y${i}`))),
    );
    await gw.close();
    for (const raw of [...sockets, ...lingering]) raw.socket.destroy();
  });

  it('leak no descriptors in a gateway process after a flood of 300', async () => {
    const gateway = await startGatewayProcess({});
    try {
      const before = openDescriptors(gateway.pid);
      for (let wave = 0; wave < 3; wave += 1) {
        const sockets = await Promise.all(
          Array.from({ length: 100 }, () => openRaw(gateway.url, upgradeRequest('/x'))),
        );
        await Promise.all(sockets.map((raw) => raw.ended));
        for (const raw of sockets) raw.socket.destroy();
      }
      const after = openDescriptors(gateway.pid);
      console.log(
        `descriptors of the gateway process: ${before} before, ${after} after 300 upgrade requests`,
      );
      expect(after).toBeLessThanOrEqual(before + 2);
    } finally {
      await gateway.close();
    }
  });
});
