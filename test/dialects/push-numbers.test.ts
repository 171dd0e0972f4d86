import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayWorld, startGatewayWorld } from '../push/gateway-world.ts';

/**
 * Issue 13 item 4 (normalization M24, M25, I12, I13): every messages and imchat answer that shows a chat or a
 * message carries its number, so a client maps a push frame's `chat_id` / `msg_id` to what it knows
 * without the record variant or `?format=canonical`.
 */
let world: GatewayWorld;
beforeAll(async () => {
  world = await startGatewayWorld(['u_a', 'u_b', 'u_c']);
});
afterAll(() => world?.gw.close());

type Data = Record<string, unknown>;
const items = (body: Data) => (body.data as { items: Data[] }).items;

describe('chat and message numbers in the messages and imchat variants', () => {
  it('match the push frame of a messages send in the send answer, list, detail, mine-list and chat detail', async () => {
    const b = await world.push('u_b');
    const a = world.users.u_a?.token ?? '';
    const sent = await world.post('/message/send', a, {
      id: 'num-1',
      chat_id: world.group.id,
      content: 'hi',
    });
    expect(sent.status).toBe(200);
    const [frame] = (await b.waitFor(1)) as Data[];
    const data = sent.body.data as Data;
    expect(data).toMatchObject({ chat_num: world.group.num, msg_num: frame?.msg_id });
    expect(frame?.chat_id).toBe(world.group.num);

    const bob = world.users.u_b?.token ?? '';
    const list = await world.post('/message/list', bob, {
      chat_id: world.group.id,
      sequence: 0,
      direction: 'up',
    });
    expect(items(list.body).map((item) => item.msg_num)).toEqual([frame?.msg_id]);
    const detail = await world.post('/messages/detail', bob, { ids: ['num-1'] });
    expect(items(detail.body)[0]).toMatchObject({ chat_num: world.group.num, msg_num: frame?.msg_id });
    const mine = await world.post('/chat/mine-list', bob, {});
    expect(items(mine.body).map((chat) => chat.chat_num)).toEqual([world.group.num]);
    const chat = await world.post('/chat/detail', bob, { ids: [world.group.id] });
    expect(items(chat.body)[0]?.chat_num).toBe(world.group.num);
    b.ws.close();
  });

  it('match the push frame of an imchat send in the send answer and the pull', async () => {
    const a = await world.push('u_a');
    const bob = world.users.u_b?.token ?? '';
    const target = { target: world.group.id, target_type: 'group' };
    const sent = await world.post('/im.chat/send', bob, { ...target, msg: 'hello' });
    expect(sent.status).toBe(200);
    const [frame] = (await a.waitFor(1)) as Data[];
    expect(sent.body).toMatchObject({ chat_num: world.group.num, msg_num: frame?.msg_id });
    expect(frame?.chat_id).toBe(world.group.num);
    const pull = await world.post('/im.chat/pull', bob, {
      ...target,
      direction: 'after',
      start_msg_index: sent.body.msg_index,
      start_recall_index: 0,
      count: 1,
    });
    const msgs = (pull.body as { msgs: Data[] }).msgs;
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ chat_num: world.group.num, msg_num: frame?.msg_id });
    a.ws.close();
  });
});
