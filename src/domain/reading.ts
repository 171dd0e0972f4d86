import { resolveMembership } from './access.ts';
import type { Actor } from './actor.ts';
import type { DomainContext } from './context.ts';
import { DomainError } from './errors.ts';
import { repairHoles } from './holes.ts';
import { collectVisible, visibleViews } from './message-views.ts';
import type { Message } from './model.ts';
import type { ChatWithMember, MessageQuery } from './ports.ts';
import type { ReadingService } from './reading-api.ts';
import { requireIds, requireInt } from './validation.ts';
import type { RecallEntry } from './views.ts';

/** Largest page any read returns (record sync allows 1000). */
const MAX_LIMIT = 1000;

/** Query defaults every read shares: live messages addressed to the viewer. */
function base(viewerId: string, chatIds: readonly string[], limit: number): MessageQuery {
  return { chatIds, addressedTo: viewerId, includeGaps: true, orderBy: 'seq', descending: false, limit };
}

/** The next page starts past the last message of the previous one, in the query's direction. */
function past(last: Message | undefined, key: 'seq' | 'num', descending: boolean) {
  if (!last) return {};
  return descending ? { lt: last[key] } : { gt: last[key] };
}

function tighter(a: number | undefined, b: number | undefined, pick: (x: number, y: number) => number) {
  if (a === undefined) return b;
  return b === undefined ? a : pick(a, b);
}

/** Reads for every dialect; all of them see exactly the messages the visibility rules allow. */
export function createReadingService(ctx: DomainContext): ReadingService {
  const { store } = ctx;

  /** A sequence window of one chat, starting above the viewer's (and the chat's) cleared mark. */
  async function window(
    actor: Actor,
    found: ChatWithMember,
    seq: { gt?: number; lt?: number },
    limit: number,
    descending: boolean,
  ) {
    const { chat, member } = found;
    const floor = Math.max(seq.gt ?? 0, member.clearedSeq, chat.clearedSeq);
    const fetchPage = async (last: Message | undefined, pageSize: number) => {
      const next = past(last, 'seq', descending);
      const range = { gt: tighter(floor, next.gt, Math.max) ?? 0, lt: tighter(seq.lt, next.lt, Math.min) };
      const page = await store.messages.query({
        chatIds: [chat.id],
        includeGaps: true,
        includeCleared: true,
        orderBy: 'seq',
        descending,
        limit: pageSize,
        seq: range,
      });
      return repairHoles(ctx, chat, page, range, pageSize, descending);
    };
    return collectVisible(ctx, actor.userId, limit, fetchPage, [found]);
  }

  /** Records (no gap tombstones) of some chats by number, within `num`, in the given order. */
  function records(
    actor: Actor,
    chats: readonly ChatWithMember[],
    num: { gt?: number; lt?: number },
    limit: number,
    descending: boolean,
  ) {
    const chatIds = chats.map(({ chat }) => chat.id);
    const fetchPage = (last: Message | undefined, pageSize: number) => {
      const next = past(last, 'num', descending);
      return store.messages.query({
        ...base(actor.userId, chatIds, pageSize),
        includeGaps: false,
        orderBy: 'num',
        descending,
        num: { gt: tighter(num.gt, next.gt, Math.max), lt: tighter(num.lt, next.lt, Math.min) },
      });
    };
    return collectVisible(ctx, actor.userId, limit, fetchPage, chats);
  }

  return {
    async list(actor, to, { after, before, limit }) {
      const found = await resolveMembership(ctx, actor, to);
      requireInt(limit, 'limit', 1, MAX_LIMIT);
      const descending = after === undefined || before !== undefined;
      const views = await window(actor, found, { gt: after ?? 0, lt: before }, limit, descending);
      return descending ? views.reverse() : views;
    },

    async detail(actor, clientIds) {
      const found = await store.messages.findByClientIds(requireIds(clientIds, 'ids'));
      return visibleViews(ctx, actor.userId, found);
    },

    async pull(actor, to, { direction, startSeq, startRecallSeq, count }) {
      const found = await resolveMembership(ctx, actor, to);
      const { chat } = found;
      requireInt(count, 'count', 1, 50);
      requireInt(startSeq, 'start_msg_index', 0);
      requireInt(startRecallSeq, 'start_recall_index', 0);
      const before = direction === 'before';
      const seq = before ? { gt: 0, lt: startSeq + 1 } : { gt: startSeq - 1 };
      const messages = startSeq === 0 ? [] : await window(actor, found, seq, count, before);
      let recalls: RecallEntry[] = [];
      if (startRecallSeq > 0) {
        const recalled = await store.messages.queryRecalls({
          chatId: chat.id,
          recallSeq: before ? { lte: startRecallSeq } : { gte: startRecallSeq },
          addressedTo: actor.userId,
          descending: before,
          limit: count,
        });
        const visible = await visibleViews(ctx, actor.userId, recalled, [found]);
        recalls = visible.map((view) => ({ recallSeq: view.recall?.recallSeq ?? 0, seq: view.seq }));
        if (before) recalls.reverse();
      }
      return { messages: before ? messages.reverse() : messages, recalls };
    },

    async sync(actor, afterNum, limit) {
      requireInt(afterNum, 'start', 0);
      requireInt(limit, 'count', 1, MAX_LIMIT);
      const chats = await store.chats.listForMember(actor.userId);
      return chats.length === 0 ? [] : records(actor, chats, { gt: afterNum }, limit, false);
    },

    async privateRecords(actor, peerId, beforeNum, limit) {
      const found = await resolveMembership(ctx, actor, { kind: 'direct', peerId });
      requireInt(limit, 'count', 1, MAX_LIMIT);
      const upper = beforeNum ? requireInt(beforeNum, 'logId', 1) : undefined;
      return records(actor, [found], { lt: upper }, limit, true);
    },

    async getByNum(actor, num) {
      const message = Number.isSafeInteger(num) && num > 0 ? await store.messages.getByNum(num) : null;
      const [view] = message && !message.gap ? await visibleViews(ctx, actor.userId, [message]) : [];
      if (!view) throw new DomainError('not_found', `no message ${num}`);
      return view;
    },
  };
}
