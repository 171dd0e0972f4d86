import type { Filter } from 'mongodb';
import type { Flag, Message, MessageQuery, Range, RecallQuery } from '../domain/index.ts';

/**
 * `messages` documents: the global message number is the `_id`. `recall.token` marks a recall
 * claimed by one call and not yet numbered.
 */
export interface MessageDocument {
  _id: number;
  chatId: string;
  seq: number;
  senderId: string;
  clientId: string;
  content: string;
  extra: string;
  type: number;
  isEnc: Flag;
  receiveIds: string[];
  createdAt: number;
  recall: { recallSeq: number; recalledAt: number; recalledBy: string; token?: string } | null;
  gap: boolean;
  cleared: boolean;
}

export function toDocument(message: Message): MessageDocument {
  const { num, receiveIds, ...rest } = message;
  return { _id: num, ...rest, receiveIds: [...receiveIds] };
}

/** Field by field rather than by spreads: pages of 50 go through here on every read. */
export function toMessage(doc: MessageDocument): Message {
  const { recall } = doc;
  return {
    num: doc._id,
    chatId: doc.chatId,
    seq: doc.seq,
    senderId: doc.senderId,
    clientId: doc.clientId,
    content: doc.content,
    extra: doc.extra,
    type: doc.type,
    isEnc: doc.isEnc,
    receiveIds: doc.receiveIds,
    createdAt: doc.createdAt,
    recall: recall
      ? { recallSeq: recall.recallSeq, recalledAt: recall.recalledAt, recalledBy: recall.recalledBy }
      : null,
    gap: doc.gap,
    cleared: doc.cleared,
  };
}

/** The tombstone that fills a sequence whose message never came (docs/normalization.md A16). */
export function gapDocument(chatId: string, seq: number, num: number, at: number): MessageDocument {
  return {
    _id: num,
    chatId,
    seq,
    senderId: '',
    clientId: `~gap:${chatId}:${seq}`,
    content: '',
    extra: '',
    type: 0,
    isEnc: 0,
    receiveIds: [],
    createdAt: at,
    recall: null,
    gap: true,
    cleared: false,
  };
}

/** A Mongo range condition, or undefined when the range has no bound. */
export function rangeCondition(range: Range | undefined): Record<string, number> | undefined {
  if (!range) return undefined;
  const condition: Record<string, number> = {};
  if (range.gt !== undefined) condition.$gt = range.gt;
  if (range.gte !== undefined) condition.$gte = range.gte;
  if (range.lt !== undefined) condition.$lt = range.lt;
  if (range.lte !== undefined) condition.$lte = range.lte;
  return Object.keys(condition).length > 0 ? condition : undefined;
}

/** Messages for everyone, sent by, or addressed to the user. */
function addressedTo(userId: string): Filter<MessageDocument> {
  return { $or: [{ receiveIds: { $size: 0 } }, { receiveIds: userId }, { senderId: userId }] };
}

export function queryFilter(query: MessageQuery): Filter<MessageDocument> {
  const filter: Filter<MessageDocument> = {
    chatId: query.chatIds.length === 1 ? query.chatIds[0] : { $in: [...query.chatIds] },
  };
  if (!query.includeCleared) filter.cleared = false;
  if (!query.includeGaps) filter.gap = false;
  const seq = rangeCondition(query.seq);
  if (seq) filter.seq = seq;
  const num = rangeCondition(query.num);
  if (num) filter._id = num;
  return query.addressedTo ? { ...filter, ...addressedTo(query.addressedTo) } : filter;
}

export function recallFilter(query: RecallQuery): Filter<MessageDocument> {
  const filter: Filter<MessageDocument> = {
    chatId: query.chatId,
    cleared: false,
    'recall.recallSeq': { $gte: 1, ...rangeCondition(query.recallSeq) },
  };
  return query.addressedTo ? { ...filter, ...addressedTo(query.addressedTo) } : filter;
}
