import type { Db, IndexDescription } from 'mongodb';
import { ensureEventLog } from './event-log.ts';

/**
 * Every index the store relies on, in one place (a test and docs/scaling.md read it). Unique ones
 * carry rules (one number per user, chat and message; one single chat per pair; one message per
 * (chat, sequence) and per (chat, sender, client id) — idempotency keys start with the chat id,
 * the messages' shard key, docs/normalization.md A16); the others serve the queries of
 * `messages.ts` and `chats.ts`. Member state, hides and stars live in the chat document.
 */
export const INDEXES: Readonly<Record<string, readonly IndexDescription[]>> = {
  users: [{ key: { num: 1 }, name: 'num_unique', unique: true }],
  chats: [
    { key: { num: 1 }, name: 'num_unique', unique: true },
    { key: { pairKey: 1 }, name: 'pair_unique', unique: true },
    { key: { memberIds: 1 }, name: 'members' },
  ],
  messages: [
    { key: { chatId: 1, seq: 1 }, name: 'chat_seq_unique', unique: true },
    { key: { chatId: 1, senderId: 1, clientId: 1 }, name: 'chat_sender_client_unique', unique: true },
    { key: { clientId: 1 }, name: 'client' },
    { key: { chatId: 1, _id: 1 }, name: 'chat_num' },
    { key: { chatId: 1, 'recall.recallSeq': 1 }, name: 'chat_recall' },
  ],
};

/** Creates the capped event log and every index; idempotent, run at every start. */
export async function ensureIndexes(db: Db): Promise<void> {
  await ensureEventLog(db);
  for (const [collection, indexes] of Object.entries(INDEXES)) {
    await db.collection(collection).createIndexes([...indexes]);
  }
}
