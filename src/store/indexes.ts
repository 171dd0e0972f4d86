import type { Db, IndexDescription } from 'mongodb';
import { ensureEventLog } from './event-log.ts';

/**
 * Every index the store relies on. Unique ones carry rules (one number per user, chat and
 * message; one single chat per pair; one message per (chat, sequence) and per (chat, sender,
 * client id)), and each starts with its collection's shard key (`shard-keys.ts`); the others
 * serve the queries of `messages.ts`, `chats.ts` and `members.ts`.
 */
export const INDEXES: Readonly<Record<string, readonly IndexDescription[]>> = {
  users: [{ key: { num: 1 }, name: 'num_unique', unique: true }],
  chats: [
    { key: { num: 1 }, name: 'num_unique', unique: true },
    { key: { pairKey: 1 }, name: 'pair_unique', unique: true },
    { key: { memberIds: 1 }, name: 'members' },
  ],
  members: [
    { key: { userId: 1, chatId: 1 }, name: 'user_chat' },
    { key: { chatId: 1, isHide: 1 }, name: 'chat_hidden' },
  ],
  messages: [
    { key: { chatId: 1, seq: 1 }, name: 'chat_seq_unique', unique: true },
    { key: { chatId: 1, senderId: 1, clientId: 1 }, name: 'chat_sender_client_unique', unique: true },
    { key: { clientId: 1 }, name: 'client' },
    { key: { chatId: 1, _id: 1 }, name: 'chat_num' },
    { key: { chatId: 1, 'recall.recallSeq': 1 }, name: 'chat_recall' },
  ],
  hidden: [
    { key: { userId: 1, chatId: 1 }, name: 'user_chat' },
    { key: { chatId: 1, num: 1 }, name: 'chat_num' },
  ],
  focus: [{ key: { userId: 1, chatId: 1 }, name: 'user_chat' }],
};

/** Creates the capped event log and every index; idempotent, run at every start. */
export async function ensureIndexes(db: Db): Promise<void> {
  await ensureEventLog(db);
  for (const [collection, indexes] of Object.entries(INDEXES)) {
    await db.collection(collection).createIndexes([...indexes]);
  }
}
