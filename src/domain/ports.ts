import type { Chat, MemberState, Message, Recall, User } from './model.ts';

/**
 * What the domain needs from persistence. `src/store/` implements these over MongoDB; the domain
 * decides every rule and passes it down as plain parameters, so the store never knows why.
 */

export type NumberKind = 'user' | 'chat' | 'message';

/** Hands out unique integers per kind, each >= 1 and < 2^53 (not necessarily consecutive). */
export interface NumberAllocator {
  next(kind: NumberKind): Promise<number>;
}

export interface UserRepository {
  /** False when the id is taken. */
  insert(user: User): Promise<boolean>;
  get(id: string): Promise<User | null>;
  getMany(ids: readonly string[]): Promise<User[]>;
}

/** Why a chat insert was refused. */
export type ChatInsertOutcome = 'inserted' | 'duplicate_id' | 'duplicate_pair';

/** How a conversation is looked up: a chat by id, or the single chat of a member pair. */
export type ChatKey = { readonly id: string } | { readonly pairKey: string };

/** A chat together with one member's state, read in one command (the hot read paths). */
export interface ChatWithMember {
  readonly chat: Chat;
  readonly member: MemberState;
}

/** A chat with every member's state (by user id): what event audiences are computed from. */
export interface ChatWithStates {
  readonly chat: Chat;
  readonly states: ReadonlyMap<string, MemberState>;
}

/**
 * A sequence allocation for a send. The store takes the next sequence only when every condition
 * holds in the same atomic update of the chat document; the sender's last online time moves to
 * `at`, and the chat is un-hidden for every member.
 */
export interface SeqRequest {
  readonly key: ChatKey;
  readonly senderId: string;
  readonly clientId: string;
  /** These must all be members (the sender and the receive ids). */
  readonly memberIds: readonly string[];
  /** Refuse single chats (a `group` reference). */
  readonly groupOnly: boolean;
  readonly at: number;
  /**
   * Allocate even when (sender, client id) is among the chat's recent sends (a retry whose first
   * attempt never stored its message). Without it such a retry allocates nothing.
   */
  readonly force: boolean;
}

export interface ChatRepository {
  /** `pairKey` names the member pair of a single chat (unique), null for other chats. */
  insert(chat: Chat, pairKey: string | null): Promise<ChatInsertOutcome>;
  get(id: string): Promise<Chat | null>;
  getMany(ids: readonly string[]): Promise<Chat[]>;
  /** The chat and `userId`'s state in it (defaults when it has none); null when no such chat. */
  getWithMember(key: ChatKey, userId: string): Promise<ChatWithMember | null>;
  /** Chats by id with `userId`'s state in each; missing chats are left out. */
  getManyWithMember(ids: readonly string[], userId: string): Promise<ChatWithMember[]>;
  /** Chats `userId` is a member of, with its state in each. */
  listForMember(userId: string): Promise<ChatWithMember[]>;
  /** Null when the chat does not exist. */
  addMembers(chatId: string, userIds: readonly string[]): Promise<Chat | null>;
  /** Removes the member and its state. */
  removeMember(chatId: string, userId: string): Promise<Chat | null>;
  /**
   * Atomically takes the next sequence (see `SeqRequest`); the chat after it, or null when a
   * condition failed (the caller then reads why) or when the client id is a recent send of the sender.
   */
  allocateSeq(request: SeqRequest): Promise<Chat | null>;
  /** Whether (sender, client id) is among the sends the chat remembers (the idempotency window). */
  isRecentSend(chat: ChatKey, senderId: string, clientId: string): Promise<boolean>;
  /** Gives sequence `seq` back when it is still the chat's last one; false when a later one was taken. */
  releaseSeq(chatId: string, seq: number): Promise<boolean>;
  /** Atomically takes `count` recall sequences; the first of them, and the chat with its members' states after it. */
  allocateRecallSeqs(chatId: string, count: number): Promise<ChatWithStates & { first: number }>;
  /** Moves the chat's hard-clear mark to its last sequence; the chat (with states) after it, null when it does not exist. */
  clearUpToLast(chatId: string): Promise<ChatWithStates | null>;
}

/** Per-member state, stored in the chat document (read with it in one command). */
export interface MemberRepository {
  /**
   * Raises the read mark to `seq` and the last online time to `at` when the mark is lower; the chat
   * as it was, or null when the mark was already at or above `seq` (or the chat is gone).
   */
  advanceReadSeq(
    chatId: string,
    userId: string,
    seq: number,
    at: number,
  ): Promise<(ChatWithMember & ChatWithStates) | null>;
  /** Raises the cleared mark to `seq` if lower. */
  raiseClearedSeq(chatId: string, userId: string, seq: number): Promise<void>;
  setHidden(chatId: string, userId: string, hidden: boolean): Promise<void>;
  setLastOnline(userId: string, chatIds: readonly string[], at: number): Promise<void>;
}

/** A sequence or number range; every bound optional. */
export interface Range {
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
}

/** A query over live (not cleared) messages. */
export interface MessageQuery {
  readonly chatIds: readonly string[];
  readonly seq?: Range;
  readonly num?: Range;
  /** Only messages for everyone, sent by, or addressed to this user. */
  readonly addressedTo?: string;
  readonly includeGaps: boolean;
  /**
   * Cleared messages too: for a caller whose range starts above the chat's clear mark and that
   * judges visibility itself (a clear racing the read is then filtered out, not queried out), so
   * the query is the bare (chat, sequence) range an index answers alone.
   */
  readonly includeCleared?: boolean;
  readonly orderBy: 'seq' | 'num';
  readonly descending: boolean;
  readonly limit: number;
}

/** A query over numbered recalls of one chat, ordered by recall sequence. */
export interface RecallQuery {
  readonly chatId: string;
  readonly recallSeq: Range;
  readonly addressedTo?: string;
  readonly descending: boolean;
  readonly limit: number;
}

/** Which unrecalled live messages a recall claims. */
export interface RecallClaim {
  readonly chatId: string;
  readonly nums?: readonly number[];
  readonly senderId?: string;
}

/** Result of an insert: stored, or refused by one of the two unique indexes. */
export type MessageInsertOutcome =
  | { readonly outcome: 'inserted' }
  | { readonly outcome: 'duplicate_client'; readonly winner: Message }
  | { readonly outcome: 'duplicate_seq' };

export interface MessageRepository {
  findByClient(chatId: string, senderId: string, clientId: string): Promise<Message | null>;
  /**
   * Inserts a message whose sequence is already allocated. `duplicate_client`: another message
   * owns its (chat, sender, client id), returned as `winner`; `duplicate_seq`: its sequence was
   * filled meanwhile (a read repaired it as a hole). Nothing is written in either case.
   */
  insert(message: Message): Promise<MessageInsertOutcome>;
  /** Writes gap tombstones at these sequences; returns those written (a sequence already filled is skipped). */
  fillGaps(chatId: string, gaps: ReadonlyArray<{ seq: number; num: number }>, at: number): Promise<Message[]>;
  getByNum(num: number): Promise<Message | null>;
  getBySeq(chatId: string, seq: number): Promise<Message | null>;
  /** Live messages with these client ids, any sender; optionally only one sender's. */
  findByClientIds(clientIds: readonly string[], senderId?: string): Promise<Message[]>;
  query(query: MessageQuery): Promise<Message[]>;
  queryRecalls(query: RecallQuery): Promise<Message[]>;
  /**
   * Atomically marks matching unrecalled messages as recalled (content and extra destroyed,
   * `recallSeq` 0 until numbered) under `token`; returns those this call claimed, by sequence.
   */
  claimRecall(claim: RecallClaim, recall: Recall, token: string): Promise<Message[]>;
  /** Gives claimed messages their recall sequences. */
  numberRecalls(assignments: ReadonlyArray<{ num: number; recallSeq: number }>): Promise<void>;
  /**
   * Destroys every live message of the chat with `seq <= maxSeq` (kept as invisible `cleared` rows);
   * returns them as they were just before.
   */
  clear(chatId: string, maxSeq: number): Promise<Message[]>;
}

/** Per-user message hides (`delete-self-all`), kept in the member's state (`MemberState.hidden`). */
export interface HiddenRepository {
  hide(userId: string, messages: ReadonlyArray<{ num: number; chatId: string }>): Promise<void>;
}

/** Per-user stars (record `focus`), kept in the member's state (`MemberState.focused`). */
export interface FocusRepository {
  focus(userId: string, message: { num: number; chatId: string }): Promise<void>;
}

/** Everything the domain persists through. */
export interface StorePorts {
  readonly numbers: NumberAllocator;
  readonly users: UserRepository;
  readonly chats: ChatRepository;
  readonly members: MemberRepository;
  readonly messages: MessageRepository;
  readonly hidden: HiddenRepository;
  readonly focus: FocusRepository;
}
