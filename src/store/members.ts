import type { AnyBulkWriteOperation, Collection, Db } from 'mongodb';
import type { Flag, MemberRepository, MemberState } from '../domain/index.ts';
import { retryOnDuplicate } from './mongo-errors.ts';

/** `members` documents: per (chat, user) state, `_id` = JSON `[chatId, userId]`. Absent = defaults. */
export interface MemberDocument {
  _id: string;
  chatId: string;
  userId: string;
  isTop: Flag;
  isMute: Flag;
  isHide: Flag;
  readSeq: number;
  clearedSeq: number;
  lastOnlineTime: number;
}

type StateField = 'isTop' | 'isMute' | 'isHide' | 'readSeq' | 'clearedSeq' | 'lastOnlineTime';

export function memberKey(chatId: string, userId: string): string {
  return JSON.stringify([chatId, userId]);
}

/** `$setOnInsert` for a member row, leaving out the fields the same update sets. */
function defaultsExcept(chatId: string, userId: string, ...set: StateField[]): Partial<MemberDocument> {
  const all: Omit<MemberDocument, '_id'> = {
    chatId,
    userId,
    isTop: 0,
    isMute: 0,
    isHide: 0,
    readSeq: 0,
    clearedSeq: 0,
    lastOnlineTime: 0,
  };
  for (const field of set) delete all[field];
  return all;
}

function toState(doc: MemberDocument): MemberState {
  const { _id, ...state } = doc;
  return state;
}

/** Membership state rows, written by upsert so that a missing row is never an error. */
export function createMemberRepository(db: Db): MemberRepository {
  const members: Collection<MemberDocument> = db.collection('members');

  return {
    async clearedMarks(chatId) {
      const docs = await members
        .find({ chatId, clearedSeq: { $gt: 0 } }, { projection: { userId: 1, clearedSeq: 1 } })
        .toArray();
      return new Map(docs.map((doc) => [doc.userId, doc.clearedSeq]));
    },
    async getMany(userId, chatIds) {
      if (chatIds.length === 0) return [];
      const keys = chatIds.map((chatId) => memberKey(chatId, userId));
      return (await members.find({ _id: { $in: keys } }).toArray()).map(toState);
    },
    async advanceReadSeq(chatId, userId, seq) {
      const before = await retryOnDuplicate(() =>
        members.findOneAndUpdate(
          { _id: memberKey(chatId, userId) },
          { $max: { readSeq: seq }, $setOnInsert: defaultsExcept(chatId, userId, 'readSeq') },
          { upsert: true, returnDocument: 'before' },
        ),
      );
      const previous = before?.readSeq ?? 0;
      return { before: previous, after: Math.max(previous, seq) };
    },
    async raiseClearedSeq(chatId, userId, seq) {
      await retryOnDuplicate(() =>
        members.updateOne(
          { _id: memberKey(chatId, userId) },
          { $max: { clearedSeq: seq }, $setOnInsert: defaultsExcept(chatId, userId, 'clearedSeq') },
          { upsert: true },
        ),
      );
    },
    async setHidden(chatId, userId, hidden) {
      await retryOnDuplicate(() =>
        members.updateOne(
          { _id: memberKey(chatId, userId) },
          { $set: { isHide: hidden ? 1 : 0 }, $setOnInsert: defaultsExcept(chatId, userId, 'isHide') },
          { upsert: true },
        ),
      );
    },
    async unhideAll(chatId) {
      await members.updateMany({ chatId, isHide: 1 }, { $set: { isHide: 0 } });
    },
    async setLastOnline(userId, chatIds, at) {
      if (chatIds.length === 0) return;
      const operations: AnyBulkWriteOperation<MemberDocument>[] = chatIds.map((chatId) => ({
        updateOne: {
          filter: { _id: memberKey(chatId, userId) },
          update: {
            $max: { lastOnlineTime: at },
            $setOnInsert: defaultsExcept(chatId, userId, 'lastOnlineTime'),
          },
          upsert: true,
        },
      }));
      await retryOnDuplicate(() => members.bulkWrite(operations, { ordered: false }));
    },
    async remove(chatId, userId) {
      await members.deleteOne({ _id: memberKey(chatId, userId) });
    },
  };
}
