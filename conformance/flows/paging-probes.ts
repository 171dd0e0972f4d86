import type { FlowRuntime } from '../engine/flow-types.ts';
import { paginate } from '../engine/paging.ts';

/**
 * Walks every cursor promise page by page over the direct chat (and the caller's records), in
 * both directions where the document has two, with small pages so several are needed.
 */
export async function pagingProbes(rt: FlowRuntime): Promise<void> {
  const direct = rt.fixtures.chats.direct?.id ?? '';
  const member = rt.fixtures.actors.member?.id ?? '';
  const byId = (op: string, id: string) => rt.promises(op, 'cursor_semantics').filter((p) => p.id === id);
  for (const p of byId('listMessages', 'list-cursor')) {
    await paginate(
      rt,
      'listMessages',
      p,
      { chat_id: direct },
      { way: 'forward', start: 0, pageSize: 2, wholeLimit: 100 },
    );
    await paginate(
      rt,
      'listMessages',
      p,
      { chat_id: direct },
      { way: 'backward', start: 0, pageSize: 2, wholeLimit: 100 },
    );
  }
  const pull = { target: member, target_type: 'user' };
  for (const p of byId('imchatPull', 'pull-cursor')) {
    const base = { ...pull, start_recall_index: 0 };
    await paginate(rt, 'imchatPull', p, base, { way: 'forward', start: 1, pageSize: 2, wholeLimit: 50 });
    await paginate(rt, 'imchatPull', p, base, {
      way: 'backward',
      start: 4294967295,
      pageSize: 2,
      wholeLimit: 50,
    });
  }
  for (const p of byId('imchatPull', 'pull-recalls-cursor'))
    await paginate(
      rt,
      'imchatPull',
      p,
      { ...pull, start_msg_index: 0 },
      { way: 'forward', start: 1, pageSize: 1, wholeLimit: 50 },
    );
  for (const p of byId('recordSync', 'sync-cursor'))
    await paginate(rt, 'recordSync', p, {}, { way: 'forward', start: 0, pageSize: 4, wholeLimit: 1000 });
  for (const p of byId('recordPrivateChat', 'pri-cursor'))
    await paginate(
      rt,
      'recordPrivateChat',
      p,
      { targetId: member },
      { way: 'backward', start: 0, pageSize: 2, wholeLimit: 100 },
    );
}
