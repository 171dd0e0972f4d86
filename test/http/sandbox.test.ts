import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { ALICE, BOB, CAROL, GROUP_CHAT } from '../../src/sandbox/index.ts';
import { startTestGateway, type TestGateway } from './gateway-fixture.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function groupSequences(gw: TestGateway): Promise<number[]> {
  const token = await gw.token(ALICE);
  const response = await gw.call('/message/list', {
    token,
    json: { chat_id: GROUP_CHAT, sequence: 0, direction: 'up' },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data: { items: { sequence: number }[] } };
  return body.data.items.map((item) => item.sequence);
}

describe('the development sandbox', () => {
  it('is on in development and off in production or with IMGATE_SANDBOX=off', () => {
    expect(loadConfig({}).sandbox).toBe(true);
    expect(loadConfig({ IMGATE_SANDBOX: 'off' }).sandbox).toBe(false);
    expect(
      loadConfig({ IMGATE_MODE: 'production', JWT_SECRET: 'x'.repeat(32), ALLOW_EMBEDDED_STORE: 'true' })
        .sandbox,
    ).toBe(false);
    expect(() => loadConfig({ IMGATE_SANDBOX: 'yes' })).toThrow(/IMGATE_SANDBOX/);
  });

  it('is created on the first start of an empty store and not again on the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imgate-sandbox-'));
    dirs.push(dir);
    const first = await startTestGateway({ IMGATE_SANDBOX: 'auto', DATA_DIR: dir });
    try {
      expect(await groupSequences(first)).toEqual([1, 2, 3]);
    } finally {
      await first.close();
    }
    const second = await startTestGateway({ IMGATE_SANDBOX: 'auto', DATA_DIR: dir });
    try {
      expect(await groupSequences(second)).toEqual([1, 2, 3]);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('offers one-hour tokens for its users at /docs/sandbox-tokens, and they authenticate', async () => {
    const gw = await startTestGateway({ IMGATE_SANDBOX: 'auto' });
    try {
      const response = await gw.call('/docs/sandbox-tokens');
      expect(response.status).toBe(200);
      const { users } = (await response.json()) as { users: { id: string; name: string; token: string }[] };
      expect(users.map((u) => u.id)).toEqual([ALICE, BOB, CAROL]);
      const bob = users.find((u) => u.id === BOB);
      const chats = await gw.call('/chat/mine-list', { token: bob?.token ?? '', json: {} });
      const body = (await chats.json()) as { data: { items: { chat_id: string }[] } };
      expect(body.data.items.map((c) => c.chat_id)).toContain(GROUP_CHAT);
      const claims = JSON.parse(Buffer.from(bob?.token.split('.')[1] ?? '', 'base64url').toString()) as {
        role?: string;
      };
      expect(claims.role).toBeUndefined();
    } finally {
      await gw.close();
    }
  });

  it('does not exist when off: no users, and /docs/sandbox-tokens is a 404', async () => {
    const gw = await startTestGateway();
    try {
      expect((await gw.call('/docs/sandbox-tokens')).status).toBe(404);
      const admin = await gw.token('ops', { admin: true });
      expect((await gw.call(`/admin/users/${ALICE}`, { token: admin })).status).toBe(404);
    } finally {
      await gw.close();
    }
  });
});
