import type { AnswerContext, Mutation } from './mutation-types.ts';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
const unb64 = (s: unknown): Json => obj(JSON.parse(Buffer.from(String(s), 'base64').toString('utf8')));

/** Rewrites the array at `key` of `holder` (a shallow copy) with `change`, on one path only. */
function onArray(
  path: string,
  at: (answer: Json) => Json,
  key: string,
  change: (items: unknown[], ctx: AnswerContext) => unknown[] | undefined,
) {
  return (ctx: AnswerContext): unknown => {
    if (ctx.path !== path) return undefined;
    const answer = structuredClone(obj(ctx.answer));
    const holder = at(answer);
    const changed = change(list(holder[key]), ctx);
    if (!changed) return undefined;
    holder[key] = changed;
    return answer;
  };
}
const top = (a: Json) => a;
const data = (a: Json) => obj(a.data);
const req = (ctx: AnswerContext, field: string) => obj(ctx.request)[field];
const full = (count: unknown) => (items: unknown[]) =>
  items.length > 0 && items.length === Number(count) ? [...items, items.at(-1)] : undefined;
const reversed = (items: unknown[]) => (items.length > 1 ? [...items].reverse() : undefined);

/** The n-th call (from 1) of a path, counted by the proxy. */
function nth(ctx: AnswerContext): number {
  const n = (ctx.memory.calls.get(ctx.path) ?? 0) + 1;
  ctx.memory.calls.set(ctx.path, n);
  return n;
}

/** A repeat of an identical request to the same path (a client retry); multipart by its `file` part. */
function isRetry(ctx: AnswerContext): boolean {
  const raw = ctx.raw.toString('utf8');
  const file = /name="file"\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw)?.[1];
  const key = `retry:${ctx.path}:${file ?? raw}`;
  const seen = ctx.memory.facts.has(key);
  ctx.memory.facts.set(key, true);
  return seen;
}

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

/** Counters, read marks and retries: answers that move wrongly, or not at all. */
export const STATE_MUTATIONS: Mutation[] = [
  {
    name: 'send retry gets a new sequence',
    promise: 'send-idempotent',
    check: 'idempotent_retry',
    phases: ['stateful'],
    answer: (ctx) =>
      ctx.path === '/message/send' && isRetry(ctx)
        ? {
            ...obj(ctx.answer),
            data: { ...data(obj(ctx.answer)), sequence: Number(data(obj(ctx.answer)).sequence) + 1 },
          }
        : undefined,
  },
  {
    name: 'record push retry gets a new logId',
    promise: 'push-idempotent',
    check: 'idempotent_retry',
    phases: ['stateful'],
    answer: (ctx) =>
      ctx.path === '/record/push' && isRetry(ctx)
        ? { ...obj(ctx.answer), logId: Number(obj(ctx.answer).logId) + 1 }
        : undefined,
  },
  {
    name: 'every other send skips a sequence',
    promise: 'send-sequence',
    check: 'counter_monotonic',
    phases: ['stateful'],
    answer: (ctx) =>
      ctx.path === '/message/send' && nth(ctx) % 2 === 0
        ? {
            ...obj(ctx.answer),
            data: { ...data(obj(ctx.answer)), sequence: Number(data(obj(ctx.answer)).sequence) + 1 },
          }
        : undefined,
  },
  {
    name: 'imchat send index stands still',
    promise: 'imchat-send-index',
    check: 'counter_monotonic',
    phases: ['stateful'],
    answer: (ctx) => (ctx.path === '/im.chat/send' ? { ...obj(ctx.answer), msg_index: 1 } : undefined),
  },
  {
    name: 'recall index never moves',
    promise: 'imchat-recall-index',
    check: 'counter_monotonic',
    phases: ['stateful'],
    answer: (ctx) => (ctx.path === '/im.chat/recall' ? { recall_index: 1 } : undefined),
  },
  {
    name: 'logIds run backwards',
    promise: 'push-log-id',
    check: 'counter_monotonic',
    phases: ['stateful'],
    answer: (ctx) =>
      ctx.path === '/record/push' ? { ...obj(ctx.answer), logId: 1_000_000 - nth(ctx) } : undefined,
  },
  {
    name: 'push2 logIds run backwards',
    promise: 'push2-log-id',
    check: 'counter_monotonic',
    phases: ['stateful'],
    answer: (ctx) =>
      ctx.path === '/record/push2' || ctx.path === '/record/push'
        ? { ...obj(ctx.answer), logId: 1_000_000 - nth(ctx) }
        : undefined,
  },
  {
    name: 'is_read never changes',
    promise: 'ack-read-mark',
    check: 'read_state',
    phases: ['stateful'],
    answer: onArray('/message/list', data, 'items', (items) => items.map((i) => ({ ...obj(i), is_read: 0 }))),
  },
  {
    name: 'max_read_seq stays 0',
    promise: 'mine-read-mark',
    check: 'read_state',
    phases: ['stateful'],
    answer: onArray('/chat/mine-list', data, 'items', (items) =>
      items.map((i) => ({ ...obj(i), max_read_seq: 0 })),
    ),
  },
  {
    name: 'last_read_sequence stays 0',
    promise: 'detail-read-mark',
    check: 'read_state',
    phases: ['stateful'],
    answer: onArray('/chat/detail', data, 'items', (items) =>
      items.map((i) => ({ ...obj(i), last_read_sequence: 0 })),
    ),
  },
];
