import { at, type Flow, type FlowRuntime } from '../engine/flow-types.ts';

const group = (rt: FlowRuntime) => ({ target: rt.fixtures.chats.group?.id ?? '', target_type: 'group' });
const inGroup = { chat: 'group' } as const;

/** Sends one message through the messages variant; returns its client id, content and sequence. */
async function sendOne(rt: FlowRuntime) {
  const id = rt.unique('msg');
  const content = rt.unique('content');
  const res = await rt.call('sendMessage', { id, chat_id: rt.fixtures.chats.group?.id, content }, inGroup);
  return { id, content, seq: Number(at(res.json, 'data.sequence')) };
}

/** The x-emits operations no other step reaches, each on a fresh message. */
async function otherEmitters(rt: FlowRuntime): Promise<void> {
  const chatId = rt.fixtures.chats.group?.id ?? '';
  if (rt.has('imchatSend') && rt.has('imchatRecall')) {
    const res = await rt.call('imchatSend', { ...group(rt), msg: rt.unique('imchat') }, inGroup);
    await rt.call('imchatRecall', { ...group(rt), msg_index: at(res.json, 'msg_index') }, inGroup);
  }
  for (const [op, wrap] of [
    ['recordPush', (f: unknown) => f],
    ['recordPush2', (f: unknown) => ({ op: 3, seq: 1, body: f })],
  ] as const) {
    if (!rt.has(op)) continue;
    const frame = {
      channelType: 1,
      target: chatId,
      msgId: rt.unique('rec'),
      msgType: 1,
      msg: rt.unique('record'),
    };
    const res = await rt.call(op, { file: JSON.stringify(wrap(frame)) }, inGroup);
    if (rt.has('recordRevoke'))
      await rt.call('recordRevoke', { type: 1, logId: at(res.json, 'logId') }, inGroup);
  }
  for (const op of ['recallChatMessages', 'revokeChatMessages'] as const) {
    if (!rt.has(op)) continue;
    await sendOne(rt);
    await rt.call(op, { chat_ids: [chatId] }, inGroup);
  }
}

/**
 * provision -> send -> list -> detail -> recall -> pull -> ack -> hide -> clear, then every view
 * again: a recalled message's content and a cleared message must never come back. In the push
 * phase the same flow proves each `x-emits` operation reaches the members and nobody else.
 */
export const messageLifecycle: Flow = {
  name: 'message lifecycle',
  phases: ['stateful', 'push'],
  requires: ['sendMessage', 'listMessages', 'getMessageDetail', 'recallMessages', 'imchatPull', 'imchatAck'],
  async run(rt) {
    const chatId = rt.fixtures.chats.group?.id ?? '';
    const first = await sendOne(rt);
    const list = { chat_id: chatId, sequence: 0, direction: 'up' };
    await rt.call('listMessages', list);
    await rt.call('getMessageDetail', { ids: [first.id] });
    await rt.call('recallMessages', { ids: [first.id] }, inGroup);
    rt.free(first.content, 'recalled content');
    await rt.call('getMessageDetail', { ids: [first.id] });
    if (rt.has('recordSync')) await rt.call('recordSync', { count: 1000 });
    const pull = { ...group(rt), direction: 'after', start_msg_index: 1, start_recall_index: 1, count: 50 };
    await rt.call('imchatPull', pull);
    const second = await sendOne(rt);
    await rt.call(
      'imchatAck',
      { ...group(rt), msg_index: second.seq },
      { as: 'member', chat: 'group', audience: ['owner'] },
    );
    if (rt.has('hideMessages')) {
      await rt.call('hideMessages', { ids: [second.id] });
      // Hidden for the owner, who makes every later call of this flow: it must not come back.
      rt.free(second.id, 'a message the caller hid');
      rt.free(second.content, 'content of a message the caller hid');
      await rt.call('listMessages', list);
      await rt.call('getMessageDetail', { ids: [second.id] });
    }
    await otherEmitters(rt);
    if (!rt.has('clearChatMessages')) return;
    const third = await sendOne(rt);
    await rt.call('clearChatMessages', { chat_ids: [chatId] }, { as: 'admin', chat: 'group' });
    rt.free(third.id, 'cleared message');
    rt.free(third.content, 'cleared content');
    await rt.call('listMessages', list);
    await rt.call('getMessageDetail', { ids: [third.id] });
    await rt.call('imchatPull', pull);
    if (rt.has('recordSync')) await rt.call('recordSync', { count: 1000 });
  },
};
