import { at, type Flow, type FlowRuntime } from '../engine/flow-types.ts';
import { pagingProbes } from './paging-probes.ts';
import { readMarks } from './read-marks.ts';

/** Who sends each message of the direct chat, in order: the member's last message is not the last one. */
const SENDERS = ['owner', 'member', 'owner', 'member', 'owner', 'owner', 'owner'] as const;

/** A first call, its identical retry and a conflicting reuse of the key, judged by `idempotent_retry`. */
async function retries(
  rt: FlowRuntime,
  operationId: string,
  body: Record<string, unknown>,
  changed: Record<string, unknown>,
) {
  for (const promise of rt.promises(operationId, 'idempotent_retry')) {
    const first = await rt.call(operationId, body, { label: 'first call' });
    const retry = await rt.call(operationId, body, { label: 'identical retry' });
    const want = Number(promise.params.conflict ?? 409);
    const conflict = await rt.call(operationId, changed, { label: 'same key, other content', expect: want });
    rt.judge(promise, { first: first.exchange, retry: retry.exchange, conflict: conflict.exchange });
  }
}

/**
 * The behavioural promises, on the direct chat (fresh per phase): several senders, retries and
 * conflicting reuses, two recalls in a row, a read mark by one member, then every paged view
 * walked page by page and compared with one big window. Counters are judged from the answers.
 */
export const behaviour: Flow = {
  name: 'behavioural promises',
  phases: ['stateful'],
  requires: ['sendMessage', 'listMessages'],
  async run(rt) {
    const direct = rt.fixtures.chats.direct?.id ?? '';
    const member = rt.fixtures.actors.member?.id ?? '';
    const sent: { as: string; seq: number }[] = [];
    for (const as of SENDERS) {
      const res = await rt.call(
        'sendMessage',
        { id: rt.unique('b'), chat_id: direct, content: rt.unique('bc') },
        { as },
      );
      sent.push({ as, seq: Number(at(res.json, 'data.sequence')) });
    }
    if (rt.has('imchatSend'))
      for (const n of [1, 2])
        await rt.call('imchatSend', { target: member, target_type: 'user', msg: rt.unique(`imchat-${n}`) });
    const id = rt.unique('retry');
    await retries(
      rt,
      'sendMessage',
      { id, chat_id: direct, content: 'first' },
      { id, chat_id: direct, content: 'other' },
    );
    if (rt.has('recordPush')) {
      const frame = { channelType: 0, target: member, msgId: rt.unique('rp'), msgType: 1, msg: 'first' };
      await retries(
        rt,
        'recordPush',
        { file: JSON.stringify(frame) },
        { file: JSON.stringify({ ...frame, msg: 'other' }) },
      );
    }
    if (rt.has('imchatRecall')) {
      for (const { seq } of sent.filter((s) => s.as === 'owner').slice(0, 2))
        await rt.call('imchatRecall', { target: member, target_type: 'user', msg_index: seq });
    }
    if (rt.has('imchatAck')) await readMarks(rt, sent);
    await pagingProbes(rt);
  },
};
