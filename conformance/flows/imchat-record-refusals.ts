import { at, type FlowRuntime } from '../engine/flow-types.ts';
import { probeIds, type RefusalProbe } from './refusal-probe.ts';

const frameOf = (target: string, msgId: string, msg: string, channelType = 1) => ({
  channelType,
  target,
  msgId,
  msg,
  msgType: 1,
});
const asFile = (frame: object) => ({ file: JSON.stringify(frame) });
const asEnvelope = (frame: object) => ({ file: JSON.stringify({ op: 3, seq: 1, body: frame }) });

/** What the owner sent first (see ownerMessages). */
export type OwnerMessages = Awaited<ReturnType<typeof ownerMessages>>;

/** Messages the owner sends first, so that the member can be refused acting on them. */
export async function ownerMessages(rt: FlowRuntime, group: string) {
  const send = async (op: string, body: unknown) => (rt.has(op) ? (await rt.call(op, body)).json : undefined);
  const clientId = rt.unique('own');
  await send('sendMessage', { id: clientId, chat_id: group, content: rt.unique('c') });
  const imchat = await send('imchatSend', { target: group, target_type: 'group', msg: rt.unique('c') });
  const record = await send('recordPush', asFile(frameOf(group, rt.unique('rec'), rt.unique('c'))));
  return { clientId, msgIndex: at(imchat, 'msg_index'), logId: at(record, 'logId') };
}

/** Probes of imchat and record: not a member, not the sender, unknown indexes and logIds, reused msgIds. */
export function imchatRecordProbes(rt: FlowRuntime, own: OwnerMessages): RefusalProbe[] {
  const ids = probeIds(rt);
  const imchat = (target: string) => ({ target, target_type: 'group' });
  const pull = { direction: 'after', start_msg_index: 1, start_recall_index: 1, count: 10 };
  const reusedRec = rt.unique('reused-rec');
  const reusedRec2 = rt.unique('reused-rec2');
  const o = 'outsider';
  return [
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
