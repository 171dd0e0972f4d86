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

export interface ChatRepository {
  /** `pairKey` names the member pair of a single chat (unique), null for other chats. */
  insert(chat: Chat, pairKey: string | null): Promise<ChatInsertOutcome>;
  get(id: string): Promise<Chat | null>;
  getMany(ids: readonly string[]): Promise<Chat[]>;
  getByPair(pairKey: string): Promise<Chat | null>;
  listForMember(userId: string): Promise<Chat[]>;
  /** Null when the chat does not exist. */
  addMembers(chatId: string, userIds: readonly string[]): Promise<Chat | null>;
  removeMember(chatId: string, userId: string): Promise<Chat | null>;
  /** Atomically takes the next sequence and moves `lastTime` to at least `at`; the chat after it. */
  allocateSeq(chatId: string, at: number): Promise<Chat | null>;
  /** Atomically takes `count` recall sequences; returns the first (they are consecutive). */
  allocateRecallSeqs(chatId: string, count: number): Promise<number>;
}

export interface MemberRepository {
  /** Stored states of these chats for the user (absent rows mean defaults). */
  getMany(userId: string, chatIds: readonly string[]): Promise<MemberState[]>;
  /** Raises the read mark to `seq` if lower; returns the marks before and after. */
  advanceReadSeq(chatId: string, userId: string, seq: number): Promise<{ before: number; after: number }>;
  /** Raises the cleared mark to `seq` if lower. */
  raiseClearedSeq(chatId: string, userId: string, seq: number): Promise<void>;
  setHidden(chatId: string, userId: string, hidden: boolean): Promise<void>;
  /** Un-hides the chat for every member (a new message arrived). */
  unhideAll(chatId: string): Promise<void>;
  setLastOnline(userId: string, chatIds: readonly string[], at: number): Promise<void>;
  remove(chatId: string, userId: string): Promise<void>;
  /** The cleared marks above 0 in the chat, by member (messages at or below a mark are gone for it). */
  clearedMarks(chatId: string): Promise<Map<string, number>>;
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

/** Result of an insert: the stored message, or the earlier one that owns the (sender, client id). */
export type MessageInsertOutcome =
  { readonly inserted: true } | { readonly inserted: false; readonly winner: Message };

export interface MessageRepository {
  findByClient(senderId: string, clientId: string): Promise<Message | null>;
  /**
   * Inserts a message whose sequence is already allocated. When another message owns its
   * (sender, client id), writes a gap tombstone at the allocated sequence instead and returns that
   * owner. When the write fails otherwise, it tries to leave the gap tombstone before throwing.
   */
  insert(message: Message): Promise<MessageInsertOutcome>;
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

/** Per-user message hides (`delete-self-all`). */
export interface HiddenRepository {
  hide(userId: string, messages: ReadonlyArray<{ num: number; chatId: string }>): Promise<void>;
  /** Which of these numbers the user hid. */
  hiddenAmong(userId: string, nums: readonly number[]): Promise<Set<number>>;
  /** For these message numbers of the chat, the users who hid each (numbers nobody hid are absent). */
  hiddenBy(chatId: string, nums: readonly number[]): Promise<Map<number, Set<string>>>;
}

/** Per-user stars (record `focus`). */
export interface FocusRepository {
  focus(userId: string, message: { num: number; chatId: string }, at: number): Promise<void>;
  focusedAmong(userId: string, nums: readonly number[]): Promise<Set<number>>;
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
