import type { Collection, Db } from 'mongodb';
import { retryOnDuplicate } from './mongo-errors.ts';

/** A per-user mark on a message (a hide or a star); `_id` = JSON `[userId, num]`. */
export interface MarkDocument {
  _id: string;
  userId: string;
  num: number;
  chatId: string;
  at: number;
}

function markKey(userId: string, num: number): string {
  return JSON.stringify([userId, num]);
}

/** Idempotent per-user message marks: the shared shape behind `hidden` and `focus`. */
export interface MarkCollection {
  mark(userId: string, messages: ReadonlyArray<{ num: number; chatId: string }>, at: number): Promise<void>;
  markedAmong(userId: string, nums: readonly number[]): Promise<Set<number>>;
  /** For these numbers of `chatId`, the users who marked each (served by the `chat_num` index). */
  markedBy(chatId: string, nums: readonly number[]): Promise<Map<number, Set<string>>>;
}

export function createMarkCollection(db: Db, name: 'hidden' | 'focus'): MarkCollection {
  const marks: Collection<MarkDocument> = db.collection(name);
  return {
    async mark(userId, messages, at) {
      if (messages.length === 0) return;
      await retryOnDuplicate(() =>
        marks.bulkWrite(
          messages.map(({ num, chatId }) => ({
            updateOne: {
              filter: { _id: markKey(userId, num) },
              update: { $setOnInsert: { userId, num, chatId, at } },
              upsert: true,
            },
          })),
          { ordered: false },
        ),
      );
    },
    async markedAmong(userId, nums) {
      if (nums.length === 0) return new Set();
      const docs = await marks.find({ _id: { $in: nums.map((num) => markKey(userId, num)) } }).toArray();
      return new Set(docs.map((doc) => doc.num));
    },
    async markedBy(chatId, nums) {
      const byNum = new Map<number, Set<string>>();
      if (nums.length === 0) return byNum;
      const query = { chatId, num: nums.length === 1 ? nums[0] : { $in: [...nums] } };
      for (const doc of await marks.find(query, { projection: { userId: 1, num: 1 } }).toArray()) {
        const users = byNum.get(doc.num) ?? new Set<string>();
        users.add(doc.userId);
        byNum.set(doc.num, users);
      }
      return byNum;
    },
  };
}
