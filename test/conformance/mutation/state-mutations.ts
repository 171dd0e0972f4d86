import { data, isRetry, nth, obj, onArray } from './answer-helpers.ts';
import type { Mutation } from './mutation-types.ts';

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
