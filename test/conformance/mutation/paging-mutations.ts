import { b64, data, full, type Json, obj, onArray, req, reversed, top, unb64 } from './answer-helpers.ts';
import type { AnswerContext, Mutation } from './mutation-types.ts';

/** Windows, order and cursors: reorder, duplicate or add items of paged answers. */
export const PAGING_MUTATIONS: Mutation[] = [
  {
    name: 'list reversed',
    promise: 'list-order',
    check: 'ordering',
    phases: ['stateful'],
    answer: onArray('/message/list', data, 'items', reversed),
  },
  {
    name: 'list one item over count',
    promise: 'list-window',
    check: 'window_bounds',
    phases: ['stateful'],
    answer: (ctx) => onArray('/message/list', data, 'items', full(req(ctx, 'count') ?? 20))(ctx),
  },
  {
    name: 'list down includes its cursor',
    promise: 'list-cursor',
    check: 'cursor_semantics',
    phases: ['stateful'],
    answer: (ctx) =>
      onArray('/message/list', data, 'items', (items) => {
        const seq = Number(req(ctx, 'sequence'));
        return req(ctx, 'direction') === 'down' && seq > 0 && items[0]
          ? [{ ...obj(items[0]), sequence: seq }, ...items]
          : undefined;
      })(ctx),
  },
  {
    name: 'pull reversed',
    promise: 'pull-order',
    check: 'ordering',
    phases: ['stateful'],
    answer: onArray('/im.chat/pull', top, 'msgs', reversed),
  },
  {
    name: 'pull one message over count',
    promise: 'pull-window',
    check: 'window_bounds',
    phases: ['stateful'],
    answer: (ctx) => onArray('/im.chat/pull', top, 'msgs', full(req(ctx, 'count')))(ctx),
  },
  {
    name: 'pull after starts one early',
    promise: 'pull-cursor',
    check: 'cursor_semantics',
    phases: ['stateful'],
    answer: (ctx) =>
      onArray('/im.chat/pull', top, 'msgs', (items) => {
        const start = Number(req(ctx, 'start_msg_index'));
        return req(ctx, 'direction') === 'after' && start > 1 && items[0]
          ? [{ ...obj(items[0]), msg_index: start - 1 }, ...items]
          : undefined;
      })(ctx),
  },
  ...recallMapMutations(),
  {
    name: 'sync reversed',
    promise: 'sync-order',
    check: 'ordering',
    phases: ['stateful'],
    answer: onArray('/app/record/sync-record', top, 'records', reversed),
  },
  {
    name: 'sync one record over count',
    promise: 'sync-window',
    check: 'window_bounds',
    phases: ['stateful'],
    answer: (ctx) => onArray('/app/record/sync-record', top, 'records', full(req(ctx, 'count')))(ctx),
  },
  {
    name: 'sync includes start',
    promise: 'sync-cursor',
    check: 'cursor_semantics',
    phases: ['stateful'],
    answer: (ctx) =>
      onArray('/app/record/sync-record', top, 'records', (items) => {
        const start = Number(req(ctx, 'start') ?? 0);
        return start > 0 && items[0] ? [b64({ ...unb64(items[0]), logId: start }), ...items] : undefined;
      })(ctx),
  },
  {
    name: 'sync logId as a string',
    promise: 'sync-encoding',
    check: 'encoding_conformance',
    phases: ['stateful'],
    answer: onArray('/app/record/sync-record', top, 'records', (items) =>
      items.length ? items.map((r) => b64({ ...unb64(r), logId: String(unb64(r).logId) })) : undefined,
    ),
  },
  {
    name: 'pri-chat reversed',
    promise: 'pri-order',
    check: 'ordering',
    phases: ['stateful'],
    answer: onArray('/app/record/pri-chat-record', top, 'records', reversed),
  },
  {
    name: 'pri-chat one record over count',
    promise: 'pri-window',
    check: 'window_bounds',
    phases: ['stateful'],
    answer: (ctx) => onArray('/app/record/pri-chat-record', top, 'records', full(req(ctx, 'count')))(ctx),
  },
  {
    name: 'pri-chat includes its cursor',
    promise: 'pri-cursor',
    check: 'cursor_semantics',
    phases: ['stateful'],
    answer: (ctx) =>
      onArray('/app/record/pri-chat-record', top, 'records', (items) => {
        const logId = Number(req(ctx, 'logId'));
        return logId > 0 && items[0] ? [{ ...obj(items[0]), logId }, ...items] : undefined;
      })(ctx),
  },
  {
    name: 'pri-chat adds a stranger record',
    promise: 'pri-isolation',
    check: 'conversation_isolation',
    phases: ['stateful'],
    answer: onArray('/app/record/pri-chat-record', top, 'records', (items) =>
      items[0] ? [...items, { ...obj(items[0]), fromId: 'stranger-a', targetId: 'stranger-b' }] : undefined,
    ),
  },
  {
    name: 'pages skip: every continued sync page drops its first record',
    promise: 'sync-cursor',
    check: 'cursor_semantics',
    phases: ['stateful'],
    answer: (ctx) =>
      onArray('/app/record/sync-record', top, 'records', (items) =>
        Number(req(ctx, 'start') ?? 0) > 0 && items.length > 1 ? items.slice(1) : undefined,
      )(ctx),
  },
];

function recallMapMutations(): Mutation[] {
  const recalls = (change: (map: Json, ctx: AnswerContext) => Json | undefined) => (ctx: AnswerContext) => {
    if (ctx.path !== '/im.chat/pull') return undefined;
    const answer = structuredClone(obj(ctx.answer));
    const map = obj(answer.recalls);
    const next = Object.keys(map).length ? change(map, ctx) : undefined;
    return next ? { ...answer, recalls: next } : undefined;
  };
  return [
    {
      name: 'recalls keys and values swapped',
      promise: 'pull-recalls-map',
      check: 'map_consistency',
      phases: ['stateful'],
      answer: recalls((m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [String(v), Number(k)]))),
    },
    {
      name: 'recalls one over count',
      promise: 'pull-recalls-window',
      check: 'window_bounds',
      phases: ['stateful'],
      answer: recalls((m, ctx) =>
        Object.keys(m).length === Number(req(ctx, 'count')) ? { ...m, '999999': 1 } : undefined,
      ),
    },
    {
      name: 'recalls after starts one early',
      promise: 'pull-recalls-cursor',
      check: 'cursor_semantics',
      phases: ['stateful'],
      answer: recalls((m, ctx) => {
        const start = Number(req(ctx, 'start_recall_index'));
        return req(ctx, 'direction') === 'after' && start > 1
          ? { [String(start - 1)]: Object.values(m)[0], ...m }
          : undefined;
      }),
    },
  ];
}
