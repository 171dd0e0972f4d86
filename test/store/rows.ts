import type { Chat, Message, MessageEvent } from '../../src/domain/index.ts';

/** The ceiling every issued number must stay below. */
export const MAX = Number.MAX_SAFE_INTEGER;

/** A chat row for store-level cases, written straight to the repository. */

export function chatRow(id: string, memberIds: string[], type: 1 | 2 = 2): Chat {
  return {
    id,
    num: 1,
    type,
    status: 1,
    isEnc: 0,
    creatorId: memberIds[0] ?? '',
    memberIds,
    lastSeq: 0,
    lastRecallSeq: 0,
    lastTime: 0,
    createdAt: 1,
    clearedSeq: 0,
    seqAt: 0,
  };
}

/** A message row in chat `c` from `a`, overridable field by field. */
export function messageRow(num: number, seq: number, over: Partial<Message> = {}): Message {
  return {
    num,
    chatId: 'c',
    seq,
    senderId: 'a',
    clientId: `m${num}`,
    content: 'hi',
    extra: '',
    type: 1,
    isEnc: 0,
    receiveIds: [],
    createdAt: 1,
    recall: null,
    gap: false,
    cleared: false,
    ...over,
  };
}

/**
 * The store's contract, written once and run against every target (hono's `common.case.test.ts`
 * pattern): the embedded server always, a real MongoDB when `MONGODB_URI` is set.
 */

/** `message.sent` of message `messageNum` in chat `c` from `a` (its sequence the same number unless given). */
export function sentEvent(messageNum: number, sequence = messageNum): MessageEvent {
  return {
    kind: 'message.sent',
    chatId: 'c',
    chatNum: 1,
    actorId: 'a',
    actorNum: 1,
    messageNum,
    sequence,
    at: 1,
    audience: ['a'],
  };
}
