import { at, type Flow, type FlowRuntime } from '../engine/flow-types.ts';
import { probeIds, type RefusalProbe, sendProbes } from './refusal-probe.ts';

const frameOf = (target: string, msgId: string, msg: string, channelType = 1) => ({
  channelType,
  target,
  msgId,
  msg,
  msgType: 1,
});
const asFile = (frame: object) => ({ file: JSON.stringify(frame) });
const asEnvelope = (frame: object) => ({ file: JSON.stringify({ op: 3, seq: 1, body: frame }) });

/** Messages the owner sends first, so that the member can be refused acting on them. */
async function ownerMessages(rt: FlowRuntime, group: string) {
  const send = async (op: string, body: unknown) => (rt.has(op) ? (await rt.call(op, body)).json : undefined);
  const clientId = rt.unique('own');
  await send('sendMessage', { id: clientId, chat_id: group, content: rt.unique('c') });
  const imchat = await send('imchatSend', { target: group, target_type: 'group', msg: rt.unique('c') });
  const record = await send('recordPush', asFile(frameOf(group, rt.unique('rec'), rt.unique('c'))));
  return { clientId, msgIndex: at(imchat, 'msg_index'), logId: at(record, 'logId') };
}

/** Probes of the chat variants: not a member, not the sender, not admin, unknown ids, reused client ids. */
function chatProbes(rt: FlowRuntime, own: Awaited<ReturnType<typeof ownerMessages>>): RefusalProbe[] {
  const ids = probeIds(rt);
  const imchat = (target: string) => ({ target, target_type: 'group' });
  const pull = { direction: 'after', start_msg_index: 1, start_recall_index: 1, count: 10 };
  const list = { sequence: 0, direction: 'up' };
  const reused = rt.unique('reused');
  const reusedRec = rt.unique('reused-rec');
  const reusedRec2 = rt.unique('reused-rec2');
  const o = 'outsider';
  return [
    {
      operationId: 'sendMessage',
      expect: 403,
      why: 'not a member',
      as: o,
      body: { id: rt.unique('m'), chat_id: ids.group, content: 'x' },
    },
    {
      operationId: 'sendMessage',
      expect: 404,
      why: 'unknown chat',
      body: { id: rt.unique('m'), chat_id: ids.unknown, content: 'x' },
    },
    {
      operationId: 'sendMessage',
      expect: 200,
      why: 'first use of a client id',
      body: { id: reused, chat_id: ids.group, content: 'a' },
    },
    {
      operationId: 'sendMessage',
      expect: 409,
      why: 'same client id, other content',
      body: { id: reused, chat_id: ids.group, content: 'b' },
    },
    {
      operationId: 'listMessages',
      expect: 403,
      why: 'not a member',
      as: o,
      body: { chat_id: ids.group, ...list },
    },
    {
      operationId: 'listMessages',
      expect: 404,
      why: 'unknown chat',
      body: { chat_id: ids.unknown, ...list },
    },
    {
      operationId: 'recallMessages',
      expect: 403,
      why: 'not the sender',
      as: 'member',
      body: { ids: [own.clientId] },
    },
    { operationId: 'recallMessages', expect: 404, why: 'unknown message', body: { ids: [ids.unknown] } },
    { operationId: 'hideMessages', expect: 404, why: 'unknown message', body: { ids: [ids.unknown] } },
    ...[
      'recallChatMessages',
      'hideChatMessages',
      'revokeChatMessages',
      'clearChatMessages',
      'hideChats',
    ].flatMap((operationId): RefusalProbe[] => {
      const key = operationId === 'hideChats' ? 'ids' : 'chat_ids';
      const forbidden =
        operationId === 'revokeChatMessages' ? 'member' : operationId === 'clearChatMessages' ? 'owner' : o;
      return [
        {
          operationId,
          expect: 403,
          why: `${forbidden} may not`,
          as: forbidden,
          body: { [key]: [ids.group] },
        },
        { operationId, expect: 404, why: 'unknown chat', body: { [key]: [ids.unknown] } },
      ];
    }),
    {
      operationId: 'imchatSend',
      expect: 403,
      why: 'not a member',
      as: o,
      body: { ...imchat(ids.group), msg: 'x' },
    },
    {
      operationId: 'imchatSend',
      expect: 404,
      why: 'unknown group',
      body: { ...imchat(ids.unknown), msg: 'x' },
    },
    {
      operationId: 'imchatRecall',
      expect: 403,
      why: 'not the sender',
      as: 'member',
      body: { ...imchat(ids.group), msg_index: own.msgIndex },
    },
    {
      operationId: 'imchatRecall',
      expect: 404,
      why: 'unknown index',
      body: { ...imchat(ids.group), msg_index: ids.farIndex },
    },
    {
      operationId: 'imchatAck',
      expect: 403,
      why: 'not a member',
      as: o,
      body: { ...imchat(ids.group), msg_index: 1 },
    },
    {
      operationId: 'imchatAck',
      expect: 404,
      why: 'index above the last message',
      body: { ...imchat(ids.group), msg_index: ids.farIndex },
    },
    {
      operationId: 'imchatPull',
      expect: 403,
      why: 'not a member',
      as: o,
      body: { ...imchat(ids.group), ...pull },
    },
    {
      operationId: 'imchatPull',
      expect: 404,
      why: 'unknown group',
      body: { ...imchat(ids.unknown), ...pull },
    },
    {
      operationId: 'recordRevoke',
      expect: 403,
      why: 'not the sender',
      as: 'member',
      body: { type: 1, logId: own.logId },
    },
    {
      operationId: 'recordRevoke',
      expect: 404,
      why: 'unknown logId',
      body: { type: 1, logId: ids.farIndex },
    },
    { operationId: 'recordFocus', expect: 404, why: 'unknown logId', body: { type: 1, logId: ids.farIndex } },
    {
      operationId: 'recordPrivateChat',
      expect: 404,
      why: 'no single chat with the target',
      body: { targetId: ids.outsider, count: 10, logId: 0 },
    },
    ...(
      [
        ['recordPush', asFile, reusedRec],
        ['recordPush2', asEnvelope, reusedRec2],
      ] as const
    ).flatMap(([operationId, wrap, msgId]): RefusalProbe[] => [
      {
        operationId,
        expect: 403,
        why: 'not a member',
        as: o,
        body: wrap(frameOf(ids.group, rt.unique('r'), 'x')),
      },
      {
        operationId,
        expect: 404,
        why: 'unknown chat',
        body: wrap(frameOf(ids.unknown, rt.unique('r'), 'x')),
      },
      { operationId, expect: 200, why: 'first use of a msgId', body: wrap(frameOf(ids.group, msgId, 'a')) },
      {
        operationId,
        expect: 409,
        why: 'same msgId, other content',
        body: wrap(frameOf(ids.group, msgId, 'b')),
      },
    ]),
  ];
}

/** Every documented refusal of the chat variants, reached on purpose with a schema-valid body. */
export const chatRefusals: Flow = {
  name: 'chat refusals',
  phases: ['stateful'],
  requires: [],
  async run(rt) {
    const own = await ownerMessages(rt, probeIds(rt).group);
    await sendProbes(rt, chatProbes(rt, own));
  },
};
