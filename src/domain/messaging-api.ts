import type { Actor } from './actor.ts';
import type { Channel, ConversationRef } from './conversation-ref.ts';
import type { Flag } from './model.ts';
import type { ReadMarkResult, RecallResult, SendResult } from './views.ts';

/**
 * One send for every dialect: messages `/message/send`, imchat `/im.chat/send`, record
 * `/record/push` and `/record/push2`.
 */
export interface SendInput {
  readonly to: ConversationRef;
  /** Idempotency key per sender (messages `id`, record `msgId`); generated when omitted (imchat). */
  readonly clientId?: string;
  readonly content: string;
  /** Free string; default "". */
  readonly extra?: string;
  /** Integer >= 1 (messages `type`, record `msgType`); default 1. */
  readonly type?: number;
  /** Default 0. */
  readonly isEnc?: Flag;
  /** Chat members the message is addressed to; empty or omitted = the whole chat. */
  readonly receiveIds?: readonly string[];
}

/**
 * Writes: send, recall, hide, read marks and focus. Every method checks that the actor is a member
 * of the chats it touches (`forbidden` otherwise, `not_found` for unknown chats, peers without a
 * single chat with the actor, and messages the actor cannot see).
 */
export interface MessagingService {
  /**
   * Stores a message with the next per-chat sequence and a fresh global number, then publishes
   * `message.sent`. A retry with the same client id and the same content returns the first message
   * with `duplicate: true`; with different content (or another chat) it is a `conflict`.
   * `invalid`: type < 1 or a receive id that is not a member; `forbidden`: a disabled chat.
   */
  send(actor: Actor, input: SendInput): Promise<SendResult>;

  /**
   * messages `/messages/delete-batch`: recalls the actor's own messages with these client ids.
   * Ids of messages the actor did not send are skipped (they name nothing of the actor's); when
   * nothing is left, `forbidden` if the ids name messages the actor can see, else `not_found`.
   */
  recallByClientIds(actor: Actor, clientIds: readonly string[]): Promise<RecallResult[]>;
  /** imchat `/im.chat/recall`: recall by sequence. `forbidden` unless the actor sent it. */
  recallBySeq(actor: Actor, to: ConversationRef, seq: number): Promise<RecallResult>;
  /**
   * record `/app/record/revoke`: recall by number. `forbidden` unless the actor sent it; when
   * `channel` is given it must match the chat's kind (`not_found` otherwise).
   */
  recallByNum(actor: Actor, num: number, channel?: Channel): Promise<RecallResult>;
  /** messages `/messages/delete-chat-ids`: recalls every message the actor sent in these chats. */
  recallOwnInChats(actor: Actor, chatIds: readonly string[]): Promise<RecallResult[]>;
  /**
   * messages `/messages/revoke-chat-ids`: recalls every message of these chats, by any sender.
   * `forbidden` unless the actor created each chat or is an admin.
   */
  revokeAllInChats(actor: Actor, chatIds: readonly string[]): Promise<RecallResult[]>;
  /**
   * messages `/messages/clear-chat-ids` (admin only): destroys every message of these chats for
   * good; sequences continue. Publishes `message.recalled` (recall sequence 0) for each removed
   * message that was not already recalled. Returns how many messages were removed.
   */
  clearChats(actor: Actor, chatIds: readonly string[]): Promise<number>;

  /**
   * messages `/messages/delete-self-all`: hides visible messages with these client ids for the actor;
   * `not_found` when none of them is visible.
   */
  hideMessages(actor: Actor, clientIds: readonly string[]): Promise<number>;
  /** messages `/messages/delete-self-chat-ids`: hides every current message of these chats for the actor. */
  hideChatMessages(actor: Actor, chatIds: readonly string[]): Promise<void>;
  /** messages `/chat/delete`: hides the chats for the actor until their next message. */
  hideChats(actor: Actor, chatIds: readonly string[]): Promise<void>;

  /**
   * imchat `/im.chat/ack`: moves the actor's read mark forward to `seq` (never back); publishes
   * `read_mark.advanced` to the other members when it moved. `not_found` when `seq` exceeds the
   * chat's last sequence (`openapi/imchat.yaml#/paths/~1im.chat~1ack`: "beyond the last index 404").
   */
  markRead(actor: Actor, to: ConversationRef, seq: number): Promise<ReadMarkResult>;

  /** record `/app/record/focus`: stars a visible message for the actor (idempotent). */
  focus(actor: Actor, num: number, channel?: Channel): Promise<void>;
}
