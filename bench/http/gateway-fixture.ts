import { type RunningGateway, startGateway } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/config/index.ts';
import type { Fixture } from './store-ops.ts';
import { PAGE } from './store-ops.ts';

/** Users and the group chat of every case; the same ids in the gateway and the store loop. */
export const SENDER = 'u_bench_sender';
export const PEER = 'u_bench_peer';
export const CHAT = 's_00000000000bench0';

async function post(gateway: RunningGateway, token: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/**
 * The gateway as `imgate serve` runs it (embedded store in memory, silent logs, real HS256
 * tokens), provisioned through its own admin API and seeded with `seed` messages over HTTP.
 */
export async function startBenchGateway(
  seed: number,
): Promise<{ gateway: RunningGateway; token: string; fixture: Fixture }> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: 'memory',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    LOG_LEVEL: 'silent',
    IMGATE_SANDBOX: 'off',
  });
  const gateway = await startGateway(config);
  const mint = gateway.mintToken;
  if (!mint) throw new Error('the gateway has no token minter');
  const admin = (await mint({ sub: 'u_bench_admin', admin: true, ttlSeconds: 3600 })).token;
  await post(gateway, admin, '/admin/users', { id: SENDER });
  await post(gateway, admin, '/admin/users', { id: PEER });
  await post(gateway, admin, '/admin/chats', { id: CHAT, type: 2, creator_id: SENDER, member_ids: [PEER] });
  const token = (await mint({ sub: SENDER, admin: false, ttlSeconds: 3600 })).token;
  for (let i = 0; i < Math.max(seed, PAGE + 1); i++) {
    await post(gateway, token, '/message/send', {
      id: `seed_${i}`,
      chat_id: CHAT,
      content: 'seeded message',
    });
  }
  return { gateway, token, fixture: { userId: SENDER, chatId: CHAT, seeded: Math.max(seed, PAGE + 1) } };
}
