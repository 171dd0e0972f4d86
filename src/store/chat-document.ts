import type { Filter } from 'mongodb';
import type {
  Chat,
  ChatKey,
  ChatStatus,
  ChatType,
  ChatWithMember,
  ChatWithStates,
  Flag,
  MemberState,
} from '../domain/index.ts';
import { defaultMemberState } from '../domain/index.ts';

/** One member's state inside its chat document; absent fields have the defaults. */
export interface MemberSubdocument {
  isTop?: Flag;
  isMute?: Flag;
  readSeq?: number;
  clearedSeq?: number;
  lastOnlineTime?: number;
  hidden?: number[];
  focused?: number[];
}

/**
 * `chats` documents. The chat id is the `_id`; `pairKey` is unique (a single chat stores its
 * member pair there, any other chat its own id, so the unique index needs no partial filter).
 * Every member's state lives here too (`state`, keyed by `memberField`), so one read returns a
 * chat, its membership and the reader's marks, and one update allocates a sequence, un-hides the
 * chat and records the sender's last online time. `recent` holds the idempotency keys of the last
 * `RECENT_SENDS` sends: a retry among them allocates nothing (docs/normalization.md A16).
 */
export interface ChatDocument {
  _id: string;
  num: number;
  type: ChatType;
  status: ChatStatus;
  isEnc: Flag;
  creatorId: string;
  memberIds: string[];
  lastSeq: number;
  lastRecallSeq: number;
  lastTime: number;
  createdAt: number;
  pairKey: string;
  clearedSeq?: number;
  seqAt?: Date;
  recent?: string[];
  hiddenBy?: string[];
  state?: Record<string, MemberSubdocument>;
}

/** How many sends a chat remembers for allocation-free retries. */
export const RECENT_SENDS = 64;

/** The key of a member's state: user ids may hold `.` or `$`, which field names may not. */
export function memberField(userId: string): string {
  return `u${encodeURIComponent(userId).replaceAll('.', '%2E')}`;
}

/** The idempotency key of a send in `recent`. */
export function sendKey(senderId: string, clientId: string): string {
  return JSON.stringify([senderId, clientId]);
}

export function keyFilter(key: ChatKey): Filter<ChatDocument> {
  return 'id' in key ? { _id: key.id } : { pairKey: key.pairKey };
}

/** Leaves out the per-member parts: what every read of a bare `Chat` fetches. */
export const CHAT_ONLY = { recent: 0, state: 0, hiddenBy: 0 } as const;

const CHAT_FIELDS = [
  'num',
  'type',
  'status',
  'isEnc',
  'creatorId',
  'memberIds',
  'lastSeq',
  'lastRecallSeq',
  'lastTime',
  'createdAt',
  'clearedSeq',
  'seqAt',
  'hiddenBy',
] as const;

/** The chat and one member's state, nothing of the other members' state. */
export function withMember(userId: string): Record<string, 1> {
  const projection: Record<string, 1> = { [`state.${memberField(userId)}`]: 1 };
  for (const field of CHAT_FIELDS) projection[field] = 1;
  return projection;
}

export function toChat(doc: ChatDocument): Chat {
  return {
    id: doc._id,
    num: doc.num,
    type: doc.type,
    status: doc.status,
    isEnc: doc.isEnc,
    creatorId: doc.creatorId,
    memberIds: doc.memberIds,
    lastSeq: doc.lastSeq,
    lastRecallSeq: doc.lastRecallSeq,
    lastTime: doc.lastTime,
    createdAt: doc.createdAt,
    clearedSeq: doc.clearedSeq ?? 0,
    seqAt: doc.seqAt ? doc.seqAt.getTime() : 0,
  };
}

export function toMemberState(doc: ChatDocument, userId: string): MemberState {
  const defaults = defaultMemberState(doc._id, userId);
  const stored = doc.state?.[memberField(userId)] ?? {};
  return {
    ...defaults,
    isTop: stored.isTop ?? 0,
    isMute: stored.isMute ?? 0,
    isHide: doc.hiddenBy?.includes(userId) ? 1 : 0,
    readSeq: stored.readSeq ?? 0,
    clearedSeq: stored.clearedSeq ?? 0,
    lastOnlineTime: stored.lastOnlineTime ?? 0,
    hidden: stored.hidden ?? [],
    focused: stored.focused ?? [],
  };
}

export function toChatWithMember(doc: ChatDocument, userId: string): ChatWithMember {
  return { chat: toChat(doc), member: toMemberState(doc, userId) };
}

/** The chat and every member's state (the document read without `recent`). */
export function toChatWithStates(doc: ChatDocument): ChatWithStates {
  return { chat: toChat(doc), states: new Map(doc.memberIds.map((id) => [id, toMemberState(doc, id)])) };
}

/** Everything but the idempotency window: the chat with all its members' state. */
export const WITH_STATES = { recent: 0 } as const;
