import type { Collection, Db, Document, Filter, UpdateFilter } from 'mongodb';
import type { ChatRepository } from '../domain/index.ts';
import {
  CHAT_ONLY,
  type ChatDocument,
  keyFilter,
  memberField,
  RECENT_SENDS,
  sendKey,
  toChat,
  toChatWithMember,
  toChatWithStates,
  WITH_STATES,
  withMember,
} from './chat-document.ts';
import { isDuplicateKey } from './mongo-errors.ts';

/**
 * Chats, their member lists, their members' state and the per-chat sequence counters (`$inc` on
 * the chat document). See `chat-document.ts` for the shape and why member state lives here.
 */
export function createChatRepository(db: Db): ChatRepository {
  const chats: Collection<ChatDocument> = db.collection('chats');

  async function one(filter: Filter<ChatDocument>) {
    const doc = await chats.findOne(filter, { projection: CHAT_ONLY });
    return doc ? toChat(doc) : null;
  }

  async function modify(filter: Filter<ChatDocument>, update: UpdateFilter<ChatDocument> | Document[]) {
    const doc = await chats.findOneAndUpdate(filter, update, {
      returnDocument: 'after',
      projection: CHAT_ONLY,
    });
    return doc ? toChat(doc) : null;
  }

  /** An update returning the chat with every member's state (event audiences need them all). */
  async function withStates(filter: Filter<ChatDocument>, update: UpdateFilter<ChatDocument> | Document[]) {
    const doc = await chats.findOneAndUpdate(filter, update, {
      returnDocument: 'after',
      projection: WITH_STATES,
    });
    return doc ? toChatWithStates(doc) : null;
  }

  return {
    async insert(chat, pairKey) {
      const { id, seqAt: _seqAt, ...rest } = chat;
      try {
        await chats.insertOne({
          _id: id,
          ...rest,
          memberIds: [...chat.memberIds],
          pairKey: pairKey ?? `chat:${id}`,
        });
        return 'inserted';
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        return (await chats.findOne({ _id: id }, { projection: { _id: 1 } }))
          ? 'duplicate_id'
          : 'duplicate_pair';
      }
    },
    get: (id) => one({ _id: id }),
    async getMany(ids) {
      if (ids.length === 0) return [];
      return (await chats.find({ _id: { $in: [...ids] } }, { projection: CHAT_ONLY }).toArray()).map(toChat);
    },
    async getWithMember(key, userId) {
      const doc = await chats.findOne(keyFilter(key), { projection: withMember(userId) });
      return doc ? toChatWithMember(doc, userId) : null;
    },
    async getManyWithMember(ids, userId) {
      if (ids.length === 0) return [];
      const docs = await chats.find({ _id: { $in: [...ids] } }, { projection: withMember(userId) }).toArray();
      return docs.map((doc) => toChatWithMember(doc, userId));
    },
    async listForMember(userId) {
      const docs = await chats.find({ memberIds: userId }, { projection: withMember(userId) }).toArray();
      return docs.map((doc) => toChatWithMember(doc, userId));
    },
    addMembers: (chatId, userIds) =>
      modify({ _id: chatId }, { $addToSet: { memberIds: { $each: [...userIds] } } }),
    removeMember: (chatId, userId) =>
      modify(
        { _id: chatId },
        { $pull: { memberIds: userId, hiddenBy: userId }, $unset: { [`state.${memberField(userId)}`]: '' } },
      ),
    allocateSeq(request) {
      const key = sendKey(request.senderId, request.clientId);
      const filter: Filter<ChatDocument> = {
        ...keyFilter(request.key),
        memberIds: { $all: [...new Set(request.memberIds)] },
        status: 1,
      };
      if (request.groupOnly) filter.type = { $ne: 1 };
      if (!request.force) filter.recent = { $ne: key };
      return modify(filter, {
        $inc: { lastSeq: 1 },
        $max: { lastTime: request.at, [`state.${memberField(request.senderId)}.lastOnlineTime`]: request.at },
        $set: { hiddenBy: [] },
        $currentDate: { seqAt: true },
        $push: { recent: { $each: [key], $slice: -RECENT_SENDS } },
      });
    },
    async isRecentSend(chat, senderId, clientId) {
      const found = await chats.findOne(
        { ...keyFilter(chat), recent: sendKey(senderId, clientId) },
        { projection: { _id: 1 } },
      );
      return found !== null;
    },
    async releaseSeq(chatId, seq) {
      const result = await chats.updateOne({ _id: chatId, lastSeq: seq }, { $inc: { lastSeq: -1 } });
      return result.modifiedCount === 1;
    },
    async allocateRecallSeqs(chatId, count) {
      const doc = await withStates({ _id: chatId }, { $inc: { lastRecallSeq: count } });
      if (!doc) throw new Error(`chat ${chatId} vanished while recalling`);
      return { first: doc.chat.lastRecallSeq - count + 1, ...doc };
    },
    clearUpToLast: (chatId) => withStates({ _id: chatId }, [{ $set: { clearedSeq: '$lastSeq' } }]),
  };
}
