import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPushValidators } from './asyncapi-schemas.ts';
import { type RecordingClient, settle } from './fixtures.ts';
import { type GatewayWorld, startGatewayWorld } from './gateway-world.ts';

/**
 * End to end through the real gateway (`startGateway`, embedded in-memory store): every variant's
 * write operation produces the documented push frame, with numbers that agree with its HTTP answer.
 */
type Frame = { status: string; user_id: number; chat_id: number; msg_id: number; update_time: number };

let world: GatewayWorld;
let validators: Map<string, ValidateFunction>;
const clients: Record<string, RecordingClient> = {};
const seen: Record<string, number> = {};
const MESSAGE_BY_STATUS: Record<string, string> = {
  'send message': 'sendMessage',
  'withdraw message': 'withdrawMessage',
  'read message': 'readMessage',
};

/** The next `count` frames `user` receives, each validated against `asyncapi/push.yaml`. */
async function next(user: string, count = 1): Promise<Frame[]> {
  const client = clients[user];
  if (client === undefined) throw new Error(`no client for ${user}`);
  const from = seen[user] ?? 0;
  const frames = (await client.waitFor(from + count, 5_000)).slice(from, from + count) as Frame[];
  seen[user] = from + count;
  for (const frame of frames) {
    const validate = validators.get(MESSAGE_BY_STATUS[frame.status] ?? '');
    expect(validate?.(frame), `${JSON.stringify(frame)} ${JSON.stringify(validate?.errors)}`).toBe(true);
  }
  return frames;
}

function frame(status: string, actor: string, msgId: number, updateTime: number): Frame {
  return {
    status,
    user_id: world.users[actor]?.num ?? -1,
    chat_id: world.group.num,
    msg_id: msgId,
    update_time: updateTime,
  };
}

beforeAll(async () => {
  validators = await loadPushValidators();
  world = await startGatewayWorld(['owner', 'member', 'outsider']);
  clients.owner = await world.push('owner', 'query');
  clients.member = await world.push('member', 'header');
  clients.outsider = await world.push('outsider');
});

afterAll(async () => {
  for (const client of Object.values(clients)) client.ws.close();
  await world?.gw.close();
});

const sent: Record<string, { msgId: number; clientId?: string; seq?: number }> = {};

describe('push through the gateway: sends from every variant', () => {
  it('/message/send', async () => {
    const { owner } = world.users;
    const answer = await world.post('/message/send', owner?.token ?? '', {
      id: '0xe2e1',
      chat_id: world.group.id,
      content: 'hello',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const data = answer.body.data as { created_at: number; sequence: number };
    const [got] = await next('member');
    expect(got).toMatchObject({
      ...frame('send message', 'owner', got?.msg_id ?? 0, data.created_at / 1000),
      type: 'chat.message',
    });
    expect(await next('owner')).toEqual([got]);
    sent.messages = { msgId: got?.msg_id ?? 0, clientId: '0xe2e1', seq: data.sequence };
  });

  it('/im.chat/send', async () => {
    const answer = await world.post('/im.chat/send', world.users.owner?.token ?? '', {
      target: world.group.id,
      target_type: 'group',
      msg: 'hi',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const [got] = await next('member');
    expect(got?.status).toBe('send message');
    expect(got?.update_time).toBeCloseTo(Number(answer.body.timestamp) / 1e9, 3);
    await next('owner');
    sent.imchat = { msgId: got?.msg_id ?? 0, seq: answer.body.msg_index as number };
  });

  for (const [path, wrap] of [
    ['/record/push', (f: object) => f],
    ['/record/push2', (f: object) => ({ op: 3, seq: 1, body: f })],
  ] as const) {
    it(path, async () => {
      const body = {
        channelType: 1,
        target: world.group.id,
        msgId: `0x${path.length}`,
        msgType: 1,
        msg: 'rec',
      };
      const answer = await world.postForm(path, world.users.owner?.token ?? '', JSON.stringify(wrap(body)));
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const { logId, datetime } = answer.body as { logId: number; datetime: number };
      expect(await next('member')).toEqual(
        [frame('send message', 'owner', logId, datetime / 1000)].map(withType),
      );
      await next('owner');
      sent[path] = { msgId: logId };
    });
  }
});

function withType(f: Frame): Frame & { type: string } {
  return { type: 'chat.message', ...f };
}

describe('push through the gateway: recalls, clear and read marks', () => {
  it('/messages/delete-batch, /im.chat/recall and /app/record/revoke withdraw the message they name', async () => {
    const owner = world.users.owner?.token ?? '';
    expect((await world.post('/messages/delete-batch', owner, { ids: ['0xe2e1'] })).status).toBe(200);
    expect((await next('member'))[0]).toMatchObject({
      status: 'withdraw message',
      msg_id: sent.messages?.msgId,
    });
    const recall = { target: world.group.id, target_type: 'group', msg_index: sent.imchat?.seq };
    expect((await world.post('/im.chat/recall', owner, recall)).status).toBe(200);
    expect((await next('member'))[0]).toMatchObject({
      status: 'withdraw message',
      msg_id: sent.imchat?.msgId,
    });
    const revoke = { type: 1, logId: sent['/record/push']?.msgId };
    expect((await world.post('/app/record/revoke', owner, revoke)).status).toBe(200);
    const [got] = await next('member');
    expect(got).toMatchObject({
      status: 'withdraw message',
      user_id: world.users.owner?.num,
      msg_id: revoke.logId,
    });
    await next('owner', 3);
  });

  it('/messages/delete-chat-ids withdraws the caller’s remaining messages', async () => {
    const owner = world.users.owner?.token ?? '';
    expect(
      (await world.post('/messages/delete-chat-ids', owner, { chat_ids: [world.group.id] })).status,
    ).toBe(200);
    expect((await next('member'))[0]).toMatchObject({
      status: 'withdraw message',
      msg_id: sent['/record/push2']?.msgId,
    });
    await next('owner');
  });

  /** The member sends one message (seen by both), then `token` posts `path` on the group: one withdraw follows. */
  async function withdrawnByChatOperation(path: string, token: string, clientId: string) {
    const member = world.users.member?.token ?? '';
    await world.post('/message/send', member, { id: clientId, chat_id: world.group.id, content: 'x' });
    const [sentFrame] = await next('owner');
    await next('member');
    expect((await world.post(path, token, { chat_ids: [world.group.id] })).status).toBe(200);
    const [withdrawn] = await next('member');
    await next('owner');
    expect(withdrawn).toMatchObject({ status: 'withdraw message', msg_id: sentFrame?.msg_id });
    return withdrawn;
  }

  it('/messages/revoke-chat-ids (chat owner) withdraws a member’s message', async () => {
    const withdrawn = await withdrawnByChatOperation(
      '/messages/revoke-chat-ids',
      world.users.owner?.token ?? '',
      '0xe2e2',
    );
    expect(withdrawn?.user_id).toBe(world.users.owner?.num);
  });

  it('/messages/clear-chat-ids (admin) withdraws every message not yet recalled', async () => {
    const withdrawn = await withdrawnByChatOperation('/messages/clear-chat-ids', world.adminToken, '0xe2e3');
    expect(withdrawn?.user_id).toBe(world.users.root?.num);
  });

  it('/im.chat/ack tells the other members, not the reader', async () => {
    const owner = world.users.owner?.token ?? '';
    const send = await world.post('/im.chat/send', owner, {
      target: world.group.id,
      target_type: 'group',
      msg: 'read me',
    });
    const [sentFrame] = await next('member');
    await next('owner');
    const ack = { target: world.group.id, target_type: 'group', msg_index: send.body.msg_index };
    expect((await world.post('/im.chat/ack', world.users.member?.token ?? '', ack)).status).toBe(200);
    const [got] = await next('owner');
    expect(got).toMatchObject({
      status: 'read message',
      user_id: world.users.member?.num,
      msg_id: sentFrame?.msg_id,
    });
    await settle(100);
    expect(clients.member?.messages.length).toBe(seen.member);
  });

  it('never pushes anything to a non-member', () => {
    expect(clients.outsider?.messages).toEqual([]);
  });
});

describe('push through the gateway: reconnect and gap-fill', () => {
  it('misses what happened while away (at most once) and finds it with /message/list', async () => {
    const member = clients.member;
    member?.ws.close();
    await member?.closed;
    const owner = world.users.owner?.token ?? '';
    const missed = await world.post('/message/send', owner, {
      id: '0xe2e4',
      chat_id: world.group.id,
      content: 'while away',
    });
    await next('owner');
    clients.member = await world.push('member');
    seen.member = 0;
    // Gap-fill by sequence: everything after the last sequence the client knew.
    const { sequence } = missed.body.data as { sequence: number };
    const token = world.users.member?.token ?? '';
    const list = await world.post('/message/list', token, {
      chat_id: world.group.id,
      sequence: sequence - 1,
      direction: 'down',
    });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const items = (list.body.data as { items: Array<{ id: string; sequence: number }> }).items;
    expect(items.map((item) => [item.id, item.sequence])).toEqual([['0xe2e4', sequence]]);
    await world.post('/message/send', owner, { id: '0xe2e5', chat_id: world.group.id, content: 'back' });
    const [got] = await next('member');
    expect(got?.status).toBe('send message');
    expect(clients.member.messages).toHaveLength(1);
  });
});
