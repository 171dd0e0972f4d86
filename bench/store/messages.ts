import { ObjectId } from 'bson';
import type { IndexDescription } from 'mongodb';

/** The message shape the store will persist (see src/store), used for every store benchmark. */
export interface BenchMessage {
  _id: ObjectId;
  chatId: string;
  seq: number;
  num: number;
  senderId: string;
  clientId: string;
  content: string;
  type: number;
  isEnc: number;
  receiveIds: string[];
  recalledAt: null;
  createdAt: number;
}

const CONTENT =
  'The quick brown fox jumps over the lazy dog while the chat keeps scrolling past lunch time, ok?!';

/** Message number `num` (0-based), spread round-robin over `chats` chats with per-chat sequences. */
export function benchMessage(num: number, chats: number): BenchMessage {
  const chat = num % chats;
  return {
    _id: new ObjectId(),
    chatId: `s_${chat.toString(16).padStart(8, '0')}`,
    seq: Math.floor(num / chats) + 1,
    num,
    senderId: `0x${(num % 5000).toString(16).padStart(12, '0')}`,
    clientId: `0x${num.toString(16).padStart(16, '0')}`,
    content: `${CONTENT}${num}`,
    type: 1,
    isEnc: 0,
    receiveIds: [],
    recalledAt: null,
    createdAt: 1_700_000_000_000 + num,
  };
}

/** The store's indexes on messages. */
export const MESSAGE_INDEXES: IndexDescription[] = [
  { key: { chatId: 1, seq: 1 }, name: 'chat_seq', unique: true },
  { key: { senderId: 1, clientId: 1 }, name: 'sender_client', unique: true },
];
