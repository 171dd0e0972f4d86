import type { AnyBulkWriteOperation, Collection, Db } from 'mongodb';
import { type ChatDocument, memberField } from './chat-document.ts';

/** Idempotent per-user message marks (a hide or a star): a set of numbers in the member's state. */
export interface MarkSet {
  mark(userId: string, messages: ReadonlyArray<{ num: number; chatId: string }>): Promise<void>;
}

/** `field` of the member state (`hidden` or `focused`) as a set: one update per chat, one command. */
export function createMarkSet(db: Db, field: 'hidden' | 'focused'): MarkSet {
  const chats: Collection<ChatDocument> = db.collection('chats');
  return {
    async mark(userId, messages) {
      const byChat = new Map<string, number[]>();
      for (const { num, chatId } of messages) byChat.set(chatId, [...(byChat.get(chatId) ?? []), num]);
      if (byChat.size === 0) return;
      const operations: AnyBulkWriteOperation<ChatDocument>[] = [...byChat].map(([chatId, nums]) => ({
        updateOne: {
          filter: { _id: chatId },
          update: {
            $addToSet: { [`state.${memberField(userId)}.${field}`]: { $each: nums } },
          },
        },
      }));
      await chats.bulkWrite(operations, { ordered: false });
    },
  };
}
