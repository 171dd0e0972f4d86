import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingClient } from './fixtures.ts';
import { type GatewayWorld, startGatewayWorld } from './gateway-world.ts';

/**
 * Every event a connection receives respects that user's reads: a message its list and pull skip
 * (not addressed to it, hidden by it, below its cleared mark) is never named in a frame it gets,
 * whatever the event type. Through the real gateway and real WebSockets.
 */
type Frame = { status: string; msg_id: number };
const USERS = ['a', 'b', 'c', 'd'] as const;
type User = (typeof USERS)[number];

let world: GatewayWorld;
const clients = {} as Record<User, RecordingClient>;

beforeAll(async () => {
  world = await startGatewayWorld([...USERS, 'outsider']);
  for (const user of USERS) clients[user] = await world.push(user);
});

afterAll(async () => {
  for (const client of Object.values(clients)) client.ws.close();
  await world?.gw.close();
});

function token(user: User): string {
  return world.users[user]?.token ?? '';
}

async function ok(user: User, path: string, json: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = await world.post(path, token(user), json);
  expect(answer.status, `${path} ${JSON.stringify(answer.body)}`).toBe(200);
  return answer.body;
}

/** Sends as `user`; returns the message's push `msg_id` (its number) and sequence. */
async function send(user: User, id: string, receiveIds?: User[]): Promise<{ num: number; seq: number }> {
  const seen = clients[user].messages.length; // the frame may arrive before the HTTP answer
  const body = await ok(user, '/message/send', {
    id,
    chat_id: world.group.id,
    content: id,
    ...(receiveIds ? { receive_ids: receiveIds } : {}),
  });
  const data = body.data as { sequence: number };
  const frames = (await clients[user].waitFor(seen + 1, 5_000)) as Frame[];
  return { num: frames.at(-1)?.msg_id ?? -1, seq: data.sequence };
}

async function ack(user: User, seq: number): Promise<void> {
  await ok(user, '/im.chat/ack', { target: world.group.id, target_type: 'group', msg_index: seq });
}

/** What the user's own reads show: the sequences `/message/list` returns. */
async function listedSeqs(user: User): Promise<number[]> {
  const body = await ok(user, '/message/list', {
    chat_id: world.group.id,
    sequence: 0,
    direction: 'up',
    count: 100,
  });
  return (body.data as { items: Array<{ sequence: number }> }).items.map((m) => m.sequence);
}

describe('push: events respect what reads hide', () => {
  it('send, withdraw and read frames never name a message the receiver cannot read', async () => {
    const m1 = await send('a', '0xv1');
    const m2 = await send('a', '0xv2', ['b']);
    await ack('b', m2.seq);
    await ok('c', '/messages/delete-self-all', { ids: ['0xv1'] });
    await ok('a', '/messages/delete-batch', { ids: ['0xv1'] });
    const m3 = await send('a', '0xv3');
    await ok('d', '/messages/delete-self-chat-ids', { chat_ids: [world.group.id] });
    await ack('b', m3.seq);
    await ok('a', '/messages/delete-batch', { ids: ['0xv3'] });
    // A last message to everyone: once it arrived, everything before it has too.
    const sentinel = await send('a', '0xv4');
    const received = {} as Record<User, string[]>;
    for (const user of USERS) received[user] = await framesBefore(user, sentinel.num);
    const [s1, s2, s3] = [m1.num, m2.num, m3.num];
    expect(received.a).toEqual([
      `send message ${s1}`,
      `send message ${s2}`,
      `read message ${s2}`,
      `withdraw message ${s1}`,
      `send message ${s3}`,
      `read message ${s3}`,
      `withdraw message ${s3}`,
    ]);
    expect(received.b).toEqual([
      `send message ${s1}`,
      `send message ${s2}`,
      `withdraw message ${s1}`,
      `send message ${s3}`,
      `withdraw message ${s3}`,
    ]);
    // c hid m1: no withdraw of it; m2 was not addressed to c: no read of it.
    expect(received.c).toEqual([
      `send message ${s1}`,
      `send message ${s3}`,
      `read message ${s3}`,
      `withdraw message ${s3}`,
    ]);
    // d: m2 not addressed to it; m3 below its cleared mark when read and recalled.
    expect(received.d).toEqual([`send message ${s1}`, `withdraw message ${s1}`, `send message ${s3}`]);
    // The same rule as the reads: what d lists holds no sequence d was told about after clearing.
    expect(await listedSeqs('d')).toEqual([sentinel.seq]);
    expect(await listedSeqs('c')).not.toContain(m1.seq);
    expect(await listedSeqs('c')).not.toContain(m2.seq);
  });
});

/** The frames `user` got before the `send message` of message `num`, as `status msg_id`. */
async function framesBefore(user: User, num: number): Promise<string[]> {
  const isSentinel = (f: Frame) => f.status === 'send message' && f.msg_id === num;
  for (let count = 1; count < 100; count += 1) {
    const frames = (await clients[user].waitFor(count, 5_000)) as Frame[];
    const at = frames.findIndex(isSentinel);
    if (at >= 0) return frames.slice(0, at).map((f) => `${f.status} ${f.msg_id}`);
  }
  throw new Error(`${user} never got message ${num}`);
}
