import type { Collection, Db } from 'mongodb';
import type { Chat, ChatRepository, ChatStatus, ChatType, Flag } from '../domain/index.ts';
import { isDuplicateKey } from './mongo-errors.ts';

/**
 * `chats` documents. The chat id is the `_id`. `pairKey` is unique: a single chat stores its
 * member pair there (one single chat per pair), any other chat its own id, so the unique index
 * needs no sparse or partial filter.
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
}

function toChat(doc: ChatDocument): Chat {
  const { _id, pairKey: _pairKey, ...rest } = doc;
  return { id: _id, ...rest };
}

/** Chats, their member lists, and the per-chat sequence counters (`$inc` on the chat document). */
export function createChatRepository(db: Db): ChatRepository {
  const chats: Collection<ChatDocument> = db.collection('chats');

  async function mapped(filter: Parameters<typeof chats.findOne>[0]): Promise<Chat | null> {
    const doc = await chats.findOne(filter ?? {});
    return doc ? toChat(doc) : null;
  }

  return {
    async insert(chat, pairKey) {
      const { id, ...rest } = chat;
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
        return (await chats.findOne({ _id: id })) ? 'duplicate_id' : 'duplicate_pair';
      }
    },
    get: (id) => mapped({ _id: id }),
    async getMany(ids) {
      if (ids.length === 0) return [];
      return (await chats.find({ _id: { $in: [...ids] } }).toArray()).map(toChat);
    },
    getByPair: (pairKey) => mapped({ pairKey }),
    async listForMember(userId) {
      return (await chats.find({ memberIds: userId }).toArray()).map(toChat);
    },
    async addMembers(chatId, userIds) {
      const doc = await chats.findOneAndUpdate(
        { _id: chatId },
        { $addToSet: { memberIds: { $each: [...userIds] } } },
        { returnDocument: 'after' },
      );
      return doc ? toChat(doc) : null;
    },
    async removeMember(chatId, userId) {
      const doc = await chats.findOneAndUpdate(
        { _id: chatId },
        { $pull: { memberIds: userId } },
        { returnDocument: 'after' },
      );
      return doc ? toChat(doc) : null;
    },
    async allocateSeq(chatId, at) {
      const doc = await chats.findOneAndUpdate(
        { _id: chatId },
        { $inc: { lastSeq: 1 }, $max: { lastTime: at } },
        { returnDocument: 'after' },
      );
      return doc ? toChat(doc) : null;
    },
    async allocateRecallSeqs(chatId, count) {
      const doc = await chats.findOneAndUpdate(
        { _id: chatId },
        { $inc: { lastRecallSeq: count } },
        { returnDocument: 'after' },
      );
      if (!doc) throw new Error(`chat ${chatId} vanished while recalling`);
      return doc.lastRecallSeq - count + 1;
    },
  };
}
