import type { ConsistencyRule } from '../engine/check-types.ts';
import { at, type Flow, type FlowRuntime } from '../engine/flow-types.ts';

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/** imgate's canonical agreements (DESIGN.md "One domain, many dialects"). */
const RULES: readonly ConsistencyRule[] = [
  { left: 'messages.sequence', right: 'imchat.msg_index' },
  { left: 'messages.sequence', right: 'messages.list.sequence' },
  { left: 'record.logId', right: 'push.msg_id' },
  { left: 'messages.created_at', right: 'imchat.timestamp', scale: 1e6, tolerance: 1024 },
  { left: 'messages.created_at', right: 'record.datetime' },
  { left: 'messages.created_at', right: 'push.update_time', scale: 1e-3, tolerance: 1e-3 },
  { left: 'messages.recalled', right: 'imchat.recalled' },
  { left: 'messages.recalled', right: 'record.recalled' },
];

const VISIBILITY: readonly ConsistencyRule[] = [
  { left: 'expected.visible', right: 'messages.visible' },
  { left: 'expected.visible', right: 'imchat.visible' },
  { left: 'expected.visible', right: 'record.visible' },
  { left: 'expected.visible', right: 'push.visible' },
];

function decodeRecords(json: unknown): Json[] {
  const records: unknown = at(json, 'records');
  return (Array.isArray(records) ? (records as unknown[]) : []).map(
    (r) => JSON.parse(Buffer.from(typeof r === 'string' ? r : '', 'base64').toString('utf8')) as Json,
  );
}

/** What each variant says about one message, seen by `as`. */
async function observe(rt: FlowRuntime, as: string, id: string, content: string) {
  const chat = rt.fixtures.chats.group;
  const listed = await rt.call(
    'listMessages',
    { chat_id: chat?.id, sequence: 0, direction: 'up', count: 100 },
    { as },
  );
  const pulled = await rt.call(
    'imchatPull',
    {
      target: chat?.id,
      target_type: 'group',
      direction: 'after',
      start_msg_index: 1,
      start_recall_index: 0,
      count: 50,
    },
    { as },
  );
  const synced = await rt.call('recordSync', { count: 1000 }, { as });
  return {
    item: list(at(listed.json, 'data.items')).find((i) => i.id === id),
    msg: list(at(pulled.json, 'msgs')).find((m) => m.msg === content),
    record: decodeRecords(synced.json).find((r) => r.msgId === id),
  };
}

/**
 * One message observed through messages, imchat, record and push must agree: sequence = msg_index,
 * logId = msg_id, one instant in every unit, the same recall state; and a message addressed to
 * the sender alone is invisible to the member in every variant.
 */
export const crossVariant: Flow = {
  name: 'cross-variant consistency',
  phases: ['consistency'],
  requires: ['sendMessage', 'listMessages', 'getMessageDetail', 'imchatPull', 'imchatRecall', 'recordSync'],
  async run(rt) {
    const chat = rt.fixtures.chats.group;
    const owner = rt.fixtures.actors.owner;
    const id = rt.unique('cv');
    const content = rt.unique('cv-content');
    const sent = await rt.call('sendMessage', { id, chat_id: chat?.id, content }, { chat: 'group' });
    const seen = await observe(rt, 'owner', id, content);
    const logId = seen.record?.logId;
    const event = (await rt.waitForEvent(
      'member',
      (e) => at(e, 'msg_id') === logId && at(e, 'status') === 'send message',
    )) as Json | undefined;
    const facts: Record<string, unknown> = {
      'messages.sequence': at(sent.json, 'data.sequence'),
      'messages.created_at': at(sent.json, 'data.created_at'),
      'messages.list.sequence': seen.item?.sequence,
      'imchat.msg_index': seen.msg?.msg_index,
      'imchat.timestamp': seen.msg?.timestamp,
      'record.logId': logId,
      'record.datetime': seen.record?.datetime,
      'push.msg_id': event?.msg_id,
      'push.update_time': event?.update_time,
    };
    rt.consistent(`message ${id}`, facts, RULES);
    await rt.call(
      'imchatRecall',
      { target: chat?.id, target_type: 'group', msg_index: seen.msg?.msg_index },
      { chat: 'group' },
    );
    const detail = await rt.call('getMessageDetail', { ids: [id] });
    const after = await observe(rt, 'owner', id, '');
    rt.consistent(
      `recalled ${id}`,
      {
        'messages.recalled': list(at(detail.json, 'data.items'))[0]?.status === 2,
        'imchat.recalled': Number(after.msg?.recall_index ?? 0) > 0 || after.msg === undefined,
        'record.recalled': after.record?.state === 1,
      },
      RULES,
    );
    const hidden = rt.unique('cv-private');
    const hiddenContent = rt.unique('cv-private-content');
    await rt.call('sendMessage', {
      id: hidden,
      chat_id: chat?.id,
      content: hiddenContent,
      receive_ids: [owner?.id],
    });
    const member = await observe(rt, 'member', hidden, hiddenContent);
    const mine = await observe(rt, 'owner', hidden, hiddenContent);
    const leaked = rt
      .events('member')
      .some((e) => at(e, 'msg_id') === mine.record?.logId && at(e, 'status') === 'send message');
    rt.consistent(
      `receive_ids ${hidden}`,
      {
        'expected.visible': false,
        'messages.visible': member.item !== undefined,
        'imchat.visible': member.msg !== undefined,
        'record.visible': member.record !== undefined,
        'push.visible': leaked,
      },
      VISIBILITY,
    );
  },
};
