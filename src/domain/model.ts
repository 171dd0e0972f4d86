/**
 * The canonical model every dialect is a view of (DESIGN.md "One domain, many dialects";
 * canonical.md). These are the stored shapes the domain reasons about; the store persists them as
 * they are, and dialects never see them directly (they get the views of `views.ts`).
 */

/** The largest number the domain hands out: every integer stays exact in JavaScript clients. */
export const MAX_NUMBER = Number.MAX_SAFE_INTEGER;

/** A provisioned user. `num` is the integer form (push `user_id`). */
export interface User {
  readonly id: string;
  readonly num: number;
  readonly name: string;
  readonly createdAt: number;
}

/** 1 single (exactly two members, one chat per pair), 2 group, 3 official (seed 002 `type`). */
export type ChatType = 1 | 2 | 3;
/** 1 normal, 2 disabled (seed 002 `status`). */
export type ChatStatus = 1 | 2;
/** Seed flags are integers on the wire; the model keeps them so, to avoid a lossy round trip. */
export type Flag = 0 | 1;

export interface Chat {
  /** `s_` + 16 hex digits when generated. */
  readonly id: string;
  /** Integer form (push `chat_id`). */
  readonly num: number;
  readonly type: ChatType;
  readonly status: ChatStatus;
  readonly isEnc: Flag;
  readonly creatorId: string;
  readonly memberIds: readonly string[];
  /** Last allocated per-chat sequence (0 when empty). */
  readonly lastSeq: number;
  /** Last allocated per-chat recall sequence (0 when nothing was recalled). */
  readonly lastRecallSeq: number;
  /** Instant of the last message, ms (0 when empty). */
  readonly lastTime: number;
  readonly createdAt: number;
  /** Every message with `seq <= clearedSeq` was removed by an admin hard clear (0 when never). */
  readonly clearedSeq: number;
  /**
   * Store time (ms) of the last sequence allocation: every sequence up to `lastSeq` was taken by
   * then, which is how a read tells a crashed send's hole from a send still in flight (`holes.ts`).
   */
  readonly seqAt: number;
}

/** Per (chat, user) state. A member without a stored row has the defaults of `defaultMemberState`. */
export interface MemberState {
  readonly chatId: string;
  readonly userId: string;
  readonly isTop: Flag;
  readonly isMute: Flag;
  /** Chat hidden for me (`/chat/delete`); a new message in the chat un-hides it. */
  readonly isHide: Flag;
  /** Read mark: only moves forward. */
  readonly readSeq: number;
  /** Every message with `seq <= clearedSeq` is hidden for me (`delete-self-chat-ids`). */
  readonly clearedSeq: number;
  /** ms; 0 when never recorded. */
  readonly lastOnlineTime: number;
  /** Numbers of the messages hidden for me only (`delete-self-all`). */
  readonly hidden: readonly number[];
  /** Numbers of the messages I starred (record `focus`). */
  readonly focused: readonly number[];
}

export function defaultMemberState(chatId: string, userId: string): MemberState {
  return {
    chatId,
    userId,
    isTop: 0,
    isMute: 0,
    isHide: 0,
    readSeq: 0,
    clearedSeq: 0,
    lastOnlineTime: 0,
    hidden: [],
    focused: [],
  };
}

/** Recall tombstone data. `recallSeq` is 0 only while a recall is being numbered. */
export interface Recall {
  readonly recallSeq: number;
  readonly recalledAt: number;
  readonly recalledBy: string;
}

/**
 * A stored message. Two kinds of row carry no user content:
 * - `gap`: the explicit tombstone for a sequence that was allocated but never got its message (a
 *   send that crashed, or a retry that lost a race past the idempotency window), written so that
 *   no client waits for a sequence that never comes;
 * - `cleared`: removed by an admin hard clear; content destroyed, invisible everywhere, kept only so
 *   that neither its sequence nor its (sender, client id) is ever reused.
 */
export interface Message {
  /** Global number (record `logId`, push `msg_id`), < 2^53. */
  readonly num: number;
  readonly chatId: string;
  readonly seq: number;
  readonly senderId: string;
  readonly clientId: string;
  readonly content: string;
  readonly extra: string;
  readonly type: number;
  readonly isEnc: Flag;
  /** Empty: the whole chat. */
  readonly receiveIds: readonly string[];
  readonly createdAt: number;
  readonly recall: Recall | null;
  readonly gap: boolean;
  readonly cleared: boolean;
}
