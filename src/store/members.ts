import type { Collection, Db } from 'mongodb';
import type { MemberRepository } from '../domain/index.ts';
import {
  type ChatDocument,
  memberField,
  toChatWithMember,
  toChatWithStates,
  WITH_STATES,
} from './chat-document.ts';

/**
 * Per-member state, kept in the chat document (`chat-document.ts`): every write is one update of
 * that document, and a missing member field simply has its default.
 */
export function createMemberRepository(db: Db): MemberRepository {
  const chats: Collection<ChatDocument> = db.collection('chats');
  const path = (userId: string, field: string) => `state.${memberField(userId)}.${field}`;

  return {
    async advanceReadSeq(chatId, userId, seq, at) {
      const before = await chats.findOneAndUpdate(
        { _id: chatId, memberIds: userId, [path(userId, 'readSeq')]: { $not: { $gte: seq } } },
        {
          $max: { [path(userId, 'readSeq')]: seq, [path(userId, 'lastOnlineTime')]: at },
        },
        { returnDocument: 'before', projection: WITH_STATES },
      );
      return before ? { ...toChatWithMember(before, userId), ...toChatWithStates(before) } : null;
    },
    async raiseClearedSeq(chatId, userId, seq) {
      await chats.updateOne(
        { _id: chatId },
        {
          $max: { [path(userId, 'clearedSeq')]: seq },
        },
      );
    },
    async setHidden(chatId, userId, hidden) {
      await chats.updateOne(
        { _id: chatId },
        hidden ? { $addToSet: { hiddenBy: userId } } : { $pull: { hiddenBy: userId } },
      );
    },
    async setLastOnline(userId, chatIds, at) {
      if (chatIds.length === 0) return;
      await chats.updateMany(
        { _id: { $in: [...chatIds] } },
        {
          $max: { [path(userId, 'lastOnlineTime')]: at },
        },
      );
    },
  };
}
