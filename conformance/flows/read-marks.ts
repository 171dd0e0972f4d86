import type { FlowRuntime } from '../engine/flow-types.ts';
import type { Exchange } from '../engine/http-client.ts';

/** Every view a `read_state` promise lists, as `as` sees the direct chat. */
async function views(
  rt: FlowRuntime,
  as: string,
  views: readonly string[],
): Promise<Record<string, Exchange>> {
  const direct = rt.fixtures.chats.direct?.id ?? '';
  const bodies: Record<string, unknown> = {
    listMessages: { chat_id: direct, sequence: 0, direction: 'up', count: 100 },
    listMyChats: {},
    getChatDetail: { ids: [direct] },
  };
  const out: Record<string, Exchange> = {};
  for (const op of views.filter((v) => rt.has(v) && v in bodies))
    out[op] = (await rt.call(op, bodies[op], { as, label: `read state seen by ${as}` })).exchange;
  return out;
}

/**
 * The member marks the direct chat read up to the owner's fifth message (after its own last one):
 * its views must follow, the owner's must not move (`read_state`, imchat `ack-read-mark`).
 */
export async function readMarks(
  rt: FlowRuntime,
  sent: readonly { as: string; seq: number }[],
): Promise<void> {
  const owner = rt.fixtures.actors.owner?.id ?? '';
  const direct = rt.fixtures.chats.direct?.id ?? '';
  const mark = sent[4]?.seq ?? 1;
  for (const promise of rt.promises('imchatAck', 'read_state')) {
    const listed = ((promise.params.views ?? []) as { operation: string }[]).map((v) => v.operation);
    const before = await views(rt, 'owner', listed);
    const marked = await rt.call(
      'imchatAck',
      { target: owner, target_type: 'user', msg_index: mark },
      { as: 'member', label: `member reads up to ${mark}` },
    );
    const reader = await views(rt, 'member', listed);
    const after = await views(rt, 'owner', listed);
    const others = Object.fromEntries(
      Object.keys(before).map((op) => [op, { before: before[op] as Exchange, after: after[op] as Exchange }]),
    );
    const ownKeys = sent.filter((s) => s.as === 'member').map((s) => s.seq);
    rt.judge(promise, { marked: marked.exchange, conversationId: direct, ownKeys, reader, others });
  }
}
