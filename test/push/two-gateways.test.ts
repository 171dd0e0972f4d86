import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedMongo, startEmbeddedMongo } from '../../src/embedded-mongo/server.ts';
import { startTestGateway, type TestGateway } from '../http/gateway-fixture.ts';
import { connect, type RecordingClient } from './fixtures.ts';
import { type GatewayProcess, startGatewayProcess } from './gateway-process.ts';

/**
 * Two real gateways with `MONGODB_URI` pointing at one embedded MongoDB, as two instances behind
 * a load balancer: A in this process, B an `imgate serve` child process. Each pushes the other's
 * events. Both share the test secret, so A's tokens are valid on B.
 */
let mongo: EmbeddedMongo;
let a: TestGateway;
let b: GatewayProcess;
let groupId: string;
let groupNum: number;
const nums: Record<string, number> = {};
let ownerOnA: RecordingClient;
let memberOnB: RecordingClient;

async function post(gw: { url: string }, path: string, token: string, json: unknown) {
  const res = await fetch(`${gw.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * The frame of one action, found by a field only that action has: warm-up sends may still be
 * arriving, so "the last frame" is not necessarily ours. Waits at most 5 s.
 */
async function frameWhere(client: RecordingClient, match: (frame: Record<string, unknown>) => boolean) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = (client.messages as Record<string, unknown>[]).find(match);
    if (found || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function wsUrl(gw: { url: string }, token: string): string {
  return `${gw.url.replace('http:', 'ws:')}/ws?token=${encodeURIComponent(token)}`;
}

beforeAll(async () => {
  mongo = await startEmbeddedMongo();
  a = await startTestGateway({ MONGODB_URI: mongo.uri, MONGODB_DB: 'push_two_gateways' });
  b = await startGatewayProcess({ MONGODB_URI: mongo.uri, MONGODB_DB: 'push_two_gateways' });
  const admin = await a.token('root', { admin: true });
  for (const id of ['owner', 'member'])
    nums[id] = (await post(a, '/admin/users', admin, { id })).body.num as number;
  const chat = await post(b, '/admin/chats', admin, { type: 2, creator_id: 'owner', member_ids: ['member'] });
  groupId = chat.body.id as string;
  groupNum = chat.body.num as number;
  ownerOnA = await connect(wsUrl(a, await a.token('owner')));
  memberOnB = await connect(wsUrl(b, await a.token('member')));
  // Both buses start at "now": wait until a send on A reaches B before asserting (bounded).
  const owner = await a.token('owner');
  for (let attempt = 0; attempt < 50 && memberOnB.messages.length === 0; attempt += 1) {
    await post(a, '/message/send', owner, { id: `0xwarm${attempt}`, chat_id: groupId, content: 'warm-up' });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  ownerOnA?.ws.close();
  memberOnB?.ws.close();
  await a?.close();
  await b?.close();
  await mongo?.close();
});

describe('two gateways over one MongoDB', () => {
  it('pushes a /message/send made on A to a client of B (another process)', async () => {
    const before = memberOnB.messages.length;
    expect(before).toBeGreaterThan(0);
    const answer = await post(a, '/message/send', await a.token('owner'), {
      id: '0xacross1',
      chat_id: groupId,
      content: 'from A',
    });
    expect(answer.status).toBe(200);
    const data = answer.body.data as { created_at: number };
    const frame = await frameWhere(memberOnB, (f) => f.update_time === data.created_at / 1000);
    expect(frame).toMatchObject({
      type: 'chat.message',
      status: 'send message',
      user_id: nums.owner,
      chat_id: groupNum,
      update_time: data.created_at / 1000,
    });
  });

  it('pushes a /record/push made on B (another process) to a client of A, msg_id = logId', async () => {
    const form = new FormData();
    const upload = { channelType: 1, target: groupId, msgId: '0xacross2', msgType: 1, msg: 'from B' };
    form.set('file', new Blob([JSON.stringify(upload)], { type: 'application/json' }), 'frame.json');
    const res = await fetch(`${b.url}/record/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await a.token('member')}` },
      body: form,
    });
    expect(res.status).toBe(200);
    const { logId, datetime } = (await res.json()) as { logId: number; datetime: number };
    const frame = await frameWhere(ownerOnA, (f) => f.msg_id === logId);
    expect(frame).toEqual({
      type: 'chat.message',
      status: 'send message',
      user_id: nums.member,
      chat_id: groupNum,
      msg_id: logId,
      update_time: datetime / 1000,
    });
  });
});
