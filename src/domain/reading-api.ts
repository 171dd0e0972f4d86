import type { Actor } from './actor.ts';
import type { ConversationRef } from './conversation-ref.ts';
import type { MessageView, PullResult } from './views.ts';

/**
 * A window of sequences, bounds exclusive. With `after` only: the oldest `limit` above it; with
 * `before` (and maybe `after`): the newest `limit` below it; with neither: the newest `limit`.
 */
export interface SeqWindow {
  readonly after?: number;
  readonly before?: number;
  readonly limit: number;
}

/** imchat `/im.chat/pull`. Starts are inclusive; 0 means "do not pull that list". */
export interface PullInput {
  readonly direction: 'before' | 'after';
  readonly startSeq: number;
  readonly startRecallSeq: number;
  /** 1..50. */
  readonly count: number;
}

/**
 * Reads. Only messages visible to the actor are returned (member, addressed by `receiveIds` or the
 * sender, not hidden, above the actor's cleared mark). Lists are in ascending order unless said.
 */
export interface ReadingService {
  /** messages `/message/list`. `forbidden` for non-members. */
  list(actor: Actor, to: ConversationRef, window: SeqWindow): Promise<MessageView[]>;
  /** messages `/messages/detail`: visible messages with these client ids (any sender); others are absent. */
  detail(actor: Actor, clientIds: readonly string[]): Promise<MessageView[]>;
  /** imchat `/im.chat/pull`: messages and recalls around the start indexes, ascending. */
  pull(actor: Actor, to: ConversationRef, input: PullInput): Promise<PullResult>;
  /**
   * record `/app/record/sync-record`: messages of every chat of the actor with number > `afterNum`,
   * ascending by number, at most `limit` (1..1000). Gap tombstones are not records and are skipped.
   */
  sync(actor: Actor, afterNum: number, limit: number): Promise<MessageView[]>;
  /**
   * record `/app/record/pri-chat-record`: messages of the single chat with `peerId` with number
   * < `beforeNum` (the latest when omitted or 0), descending by number, at most `limit` (1..100).
   */
  privateRecords(
    actor: Actor,
    peerId: string,
    beforeNum: number | undefined,
    limit: number,
  ): Promise<MessageView[]>;
  /** One visible message by number; `not_found` otherwise. */
  getByNum(actor: Actor, num: number): Promise<MessageView>;
}
