import { list, obj } from './answer-helpers.ts';
import { PAGING_MUTATIONS } from './paging-mutations.ts';
import { STATE_MUTATIONS } from './state-mutations.ts';
import type { AnswerContext, Mutation, WireMemory } from './mutation-types.ts';

/** Remembers what was sent (content by client id and by chat:sequence) so a mutation can resurrect it. */
function remember(ctx: AnswerContext): void {
  const { path, memory } = ctx;
  const request = obj(ctx.request);
  const answer = obj(ctx.answer);
  if (path === '/message/send') {
    const d = obj(answer.data);
    memory.facts.set(`content:${String(request.id)}`, request.content);
    memory.facts.set(`content:${String(request.chat_id)}:${String(d.sequence)}`, request.content);
    const sent = list(memory.facts.get(`sent:${String(request.chat_id)}`));
    memory.facts.set(`sent:${String(request.chat_id)}`, [
      ...sent,
      { id: d.id, is_read: 1, sequence: d.sequence, created_at: d.created_at, status: 1 },
    ]);
  }
  if (path === '/im.chat/send' && request.target_type === 'group')
    memory.facts.set(`content:${String(request.target)}:${String(answer.msg_index)}`, request.msg);
  if (path === '/messages/delete-self-all')
    for (const id of request.ids as string[]) memory.facts.set(`hidden:${id}`, true);
  if (path === '/messages/clear-chat-ids')
    for (const chat of request.chat_ids as string[]) memory.facts.set(`cleared:${chat}`, true);
}

const content = (memory: WireMemory, key: string): unknown => memory.facts.get(`content:${key}`);

/** Recalled or cleared content that comes back: one mutation per visibility promise. */
const VISIBILITY_MUTATIONS: Mutation[] = [
  {
    name: 'detail shows recalled content',
    promise: 'detail-visibility',
    check: 'use_after_free',
    phases: ['stateful'],
    answer(ctx) {
      remember(ctx);
      if (ctx.path !== '/messages/detail') return undefined;
      const a = obj(ctx.answer);
      const items = list(obj(a.data).items).map((i) =>
        i.status === 2 ? { ...i, content: content(ctx.memory, String(i.id)) ?? '' } : i,
      );
      return { ...a, data: { items } };
    },
  },
  {
    name: 'pull shows recalled content',
    promise: 'pull-visibility',
    check: 'use_after_free',
    phases: ['stateful'],
    answer(ctx) {
      remember(ctx);
      if (ctx.path !== '/im.chat/pull') return undefined;
      const a = obj(ctx.answer);
      const msgs = list(a.msgs).map((m) =>
        Number(m.recall_index) > 0
          ? { ...m, msg: content(ctx.memory, `${String(m.target)}:${String(m.msg_index)}`) ?? '' }
          : m,
      );
      return { ...a, msgs };
    },
  },
  {
    name: 'sync-record shows recalled content',
    promise: 'sync-visibility',
    check: 'use_after_free',
    phases: ['stateful'],
    answer(ctx) {
      remember(ctx);
      if (ctx.path !== '/app/record/sync-record') return undefined;
      const a = obj(ctx.answer);
      const records = (a.records as string[]).map((r) => {
        const record = obj(JSON.parse(Buffer.from(r, 'base64').toString('utf8')));
        const back = record.state === 1 ? content(ctx.memory, String(record.msgId)) : undefined;
        return back === undefined
          ? r
          : Buffer.from(JSON.stringify({ ...record, msg: back })).toString('base64');
      });
      return { ...a, records };
    },
  },
  {
    name: 'list shows cleared messages',
    promise: 'list-visibility',
    check: 'use_after_free',
    phases: ['stateful'],
    answer(ctx) {
      remember(ctx);
      const chat = String(obj(ctx.request).chat_id);
      if (ctx.path !== '/message/list' || !ctx.memory.facts.get(`cleared:${chat}`)) return undefined;
      const a = obj(ctx.answer);
      return {
        ...a,
        data: { items: [...list(ctx.memory.facts.get(`sent:${chat}`)), ...list(obj(a.data).items)] },
      };
    },
  },
];

const statusOf = (text: string): unknown => obj(JSON.parse(text) as unknown).status;
const bumpActor = (kind: string) => (text: string) => {
  const frame = obj(JSON.parse(text) as unknown);
  return [JSON.stringify(frame.status === kind ? { ...frame, user_id: Number(frame.user_id) + 1 } : frame)];
};

VISIBILITY_MUTATIONS.push({
  name: 'list shows hidden messages',
  promise: 'hide-visibility',
  check: 'use_after_free',
  phases: ['stateful'],
  answer(ctx) {
    remember(ctx);
    const chat = String(obj(ctx.request).chat_id);
    if (ctx.path !== '/message/list') return undefined;
    const hidden = list(ctx.memory.facts.get(`sent:${chat}`)).filter((i) =>
      ctx.memory.facts.get(`hidden:${String(i.id)}`),
    );
    const a = obj(ctx.answer);
    const items = list(obj(a.data).items);
    const missing = hidden.filter((h) => !items.some((i) => i.id === h.id));
    return missing.length ? { ...a, data: { items: [...items, ...missing] } } : undefined;
  },
});

/** Push frames duplicated, dropped, misattributed or leaked, and a channel that lets anyone in. */
const PUSH_MUTATIONS: Mutation[] = [
  {
    name: 'every frame twice',
    promise: 'push-at-most-once',
    check: 'push_exactly_once',
    phases: ['push'],
    frame: (t) => [t, t],
  },
  {
    name: 'withdraw frames dropped',
    promise: 'push-delivery',
    check: 'push_emitted',
    phases: ['push'],
    frame: (t) => (statusOf(t) === 'withdraw message' ? [] : [t]),
  },
  {
    name: 'frames copied to every connection',
    promise: 'push-audience',
    check: 'push_not_leaked',
    phases: ['push'],
    broadcast: true,
  },
  {
    name: 'send frames name someone else',
    promise: 'sendMessage-actor',
    check: 'push_actor',
    phases: ['push'],
    frame: bumpActor('send message'),
  },
  {
    name: 'withdraw frames name someone else',
    promise: 'withdrawMessage-actor',
    check: 'push_actor',
    phases: ['push'],
    frame: bumpActor('withdraw message'),
  },
  {
    name: 'read frames name someone else',
    promise: 'readMessage-actor',
    check: 'push_actor',
    phases: ['push'],
    frame: bumpActor('read message'),
  },
  {
    name: 'bad tokens let in with a remembered good one',
    promise: 'push-auth',
    check: 'push_auth',
    phases: ['push'],
    credentials: (memory) =>
      memory.facts.get('ws:good') as { url: string; headers: Record<string, string> } | undefined,
  },
];

/** Every wire mutation of the run, one (or more) per declared promise that an answer or frame can break. */
export const WIRE_MUTATIONS: readonly Mutation[] = [
  ...PAGING_MUTATIONS,
  ...STATE_MUTATIONS,
  ...VISIBILITY_MUTATIONS,
  ...PUSH_MUTATIONS,
];
