import type { Flow, FlowRuntime } from '../engine/flow-types.ts';
import { imchatRecordProbes, type OwnerMessages, ownerMessages } from './imchat-record-refusals.ts';
import { probeIds, type RefusalProbe, sendProbes } from './refusal-probe.ts';

/** Probes of the messages variant: not a member, not the sender, not admin, unknown ids, reused client ids. */
function messagesProbes(rt: FlowRuntime, own: OwnerMessages): RefusalProbe[] {
  const ids = probeIds(rt);
  const list = { sequence: 0, direction: 'up' };
  const reused = rt.unique('reused');
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
  ];
}

/** Every documented refusal of the chat variants, reached on purpose with a schema-valid body. */
export const chatRefusals: Flow = {
  name: 'chat refusals',
  phases: ['stateful'],
  requires: [],
  async run(rt) {
    const own = await ownerMessages(rt, probeIds(rt).group);
    await sendProbes(rt, [...messagesProbes(rt, own), ...imchatRecordProbes(rt, own)]);
  },
};
