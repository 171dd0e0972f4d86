import type { Chat, ChatType, Flag, Recall } from './model.ts';

/**
 * What the domain returns to dialects: every fact a dialect needs is already computed for the
 * viewer, so a dialect only renames and converts units (DESIGN.md "One domain, many dialects").
 */

/** A message as seen by one user. Times are the one stored instant in ms. */
export interface MessageView {
  /** Global number: record `logId`, push `msg_id`. */
  readonly num: number;
  /** Client message id: messages `id`, record `msgId` (generated for imchat sends). */
  readonly clientId: string;
  readonly chatId: string;
  readonly chatNum: number;
  readonly chatType: ChatType;
  /** Per-chat sequence: messages `sequence`, imchat `msg_index`. */
  readonly seq: number;
  readonly senderId: string;
  readonly senderNum: number;
  /**
   * For a single chat, the member that is not the sender (record `targetId`, imchat `target`);
   * for a group or official chat, the chat id.
   */
  readonly targetId: string;
  /**
   * For a single chat, the member that is not the viewer (the conversation partner); for a group or
   * official chat, the chat id.
   */
  readonly peerId: string;
  /** Empty when recalled. */
  readonly content: string;
  /** Empty when recalled; the raw stored string (dialects decide how to render it). */
  readonly extra: string;
  readonly type: number;
  readonly isEnc: Flag;
  readonly receiveIds: readonly string[];
  readonly createdAt: number;
  /** Null unless recalled; `recall.recallSeq` is imchat `recall_index`. */
  readonly recall: Recall | null;
  /** messages `is_read`: the viewer sent it, or its sequence is at or below the viewer's read mark. */
  readonly isRead: boolean;
  /** record `focused`: the viewer starred it. */
  readonly focused: boolean;
  /** The explicit tombstone of a sequence lost in a send race (no sender, no content). */
  readonly gap: boolean;
}

/** `send` result: the stored message, and whether this call was a retry of an earlier send. */
export interface SendResult {
  readonly message: MessageView;
  readonly duplicate: boolean;
}

/** A chat joined with the viewer's membership state (seed 002 mine-list and detail). */
export interface ChatView extends Chat {
  readonly isTop: Flag;
  readonly isMute: Flag;
  /** 1 unless the viewer hid the chat (`is_show` is the complement of `is_hide`). */
  readonly isShow: Flag;
  readonly isHide: Flag;
  /** The viewer's read mark (`max_read_seq`, `last_read_sequence`). */
  readonly readSeq: number;
  readonly clearedSeq: number;
  readonly lastOnlineTime: number;
  /** For a single chat, the other member; otherwise the chat id. */
  readonly peerId: string;
}

/** One recall in a pull: imchat `recalls` maps `recall_index` -> `msg_index`. */
export interface RecallEntry {
  readonly recallSeq: number;
  readonly seq: number;
}

/** imchat pull result: messages and recalls, each in ascending order. */
export interface PullResult {
  readonly messages: readonly MessageView[];
  readonly recalls: readonly RecallEntry[];
}

/** Outcome of recalling one message. `alreadyRecalled` means nothing changed (no new event). */
export interface RecallResult {
  readonly num: number;
  readonly chatId: string;
  readonly seq: number;
  readonly recallSeq: number;
  readonly alreadyRecalled: boolean;
}

/** Outcome of a read mark: the member's mark after the call, and whether it moved. */
export interface ReadMarkResult {
  readonly chatId: string;
  readonly readSeq: number;
  readonly advanced: boolean;
}
