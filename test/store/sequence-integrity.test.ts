import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { HOLE_GRACE_MS } from '../../src/domain/holes.ts';
import { createTokenMinter } from '../../src/http/auth/index.ts';
import { startTestGateway, TEST_SECRET } from '../http/gateway-fixture.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const mint = createTokenMinter(new TextEncoder().encode(TEST_SECRET));
const token = async (sub: string, admin = false) => (await mint({ sub, admin, ttlSeconds: 600 })).token;

async function post(url: string, path: string, bearer: string, body: unknown) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; id?: string } };
}

/** Every row of the chat by sequence, paged with `/message/list`, and the chat's last sequence. */
async function rows(url: string, bearer: string, chatId: string) {
  const detail = await post(url, '/chat/detail', bearer, { ids: [chatId] });
  const last = (detail.body.data as { items: Array<{ last_sequence: number }> }).items[0]?.last_sequence ?? 0;
  const seen: Array<{ sequence: number; id: string }> = [];
  for (let after = 0; after < last && seen.length <= last;) {
    const page = await post(url, '/message/list', bearer, {
      chat_id: chatId,
      sequence: after,
      direction: 'down',
      count: 100,
    });
    const items = (page.body.data as { items: Array<{ sequence: number; id: string }> }).items;
    if (items.length === 0) break;
    seen.push(...items);
    after = items.at(-1)?.sequence ?? last;
  }
  return { last, seen };
}

/** `imgate serve` in a child over a data directory, killed with SIGKILL (no shutdown, no flush). */
async function startProcess(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /imgate listening on (http:\/\/\S+?)["\s]/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

describe('sequence integrity', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('settles 50 concurrent identical sends into one message without taking a second sequence', async () => {
    const gw = await startTestGateway();
    try {
      const admin = await gw.token('root', { admin: true });
      for (const id of ['a', 'b']) await post(gw.url, '/admin/users', admin, { id });
      const chat = await post(gw.url, '/admin/chats', admin, { type: 2, creator_id: 'a', member_ids: ['b'] });
      const chatId = chat.body.id as string;
      const a = await gw.token('a');
      const send = () => post(gw.url, '/message/send', a, { id: 'same', chat_id: chatId, content: 'x' });
      const answers = await Promise.all(Array.from({ length: 50 }, send));
      expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200));
      expect(new Set(answers.map((r) => JSON.stringify(r.body.data))).size).toBe(1);
      const { last, seen } = await rows(gw.url, await gw.token('b'), chatId);
      expect(last).toBe(1);
      expect(seen.map((m) => m.id)).toEqual(['same']);
    } finally {
      await gw.close();
    }
  });

  it(
    'leaves every sequence a message or a tombstone after kill -9 during a send load',
    {
      timeout: 180_000,
    },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'imgate-crash-'));
      dirs.push(dataDir);
      let { url, child } = await startProcess(dataDir);
      const admin = await token('root', true);
      for (const id of ['a', 'b']) await post(url, '/admin/users', admin, { id });
      const chatId = (await post(url, '/admin/chats', admin, { type: 2, creator_id: 'a', member_ids: ['b'] }))
        .body.id as string;
      const [a, b] = [await token('a'), await token('b')];
      let sent = 0;
      for (let round = 0; round < 3; round += 1) {
        let running = true;
        const sender = async (n: number) => {
          for (let i = 0; running && i < 10_000; i += 1) {
            const answer = await post(url, '/message/send', a, {
              id: `r${round}-${n}-${i}`,
              chat_id: chatId,
              content: 'x',
            }).catch(() => undefined);
            if (answer?.status === 200) sent += 1;
          }
        };
        const load = Array.from({ length: 8 }, (_, n) => sender(n));
        await delay(1_500);
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
        running = false;
        await Promise.all(load);
        ({ url, child } = await startProcess(dataDir));
      }
      await delay(HOLE_GRACE_MS + 500);
      const { last, seen } = await rows(url, b, chatId);
      const gaps = seen.filter((m) => m.id.startsWith('gap:')).length;
      console.info(`kill -9 rounds: ${sent} sends answered, last sequence ${last}, ${gaps} holes filled`);
      expect(sent).toBeGreaterThan(0);
      expect(last).toBeGreaterThanOrEqual(sent);
      expect(seen.map((m) => m.sequence)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  );
});
