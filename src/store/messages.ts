import type { AnyBulkWriteOperation, Collection, Db, Filter } from 'mongodb';
import type { MessageRepository } from '../domain/index.ts';
import {
  gapDocument,
  type MessageDocument,
  queryFilter,
  recallFilter,
  toDocument,
  toMessage,
} from './message-document.ts';
import { isDuplicateKey } from './mongo-errors.ts';

/**
 * Messages by number, (chat, sequence) and (sender, client id), all unique indexes. Sending never
 * uses a transaction: the sequence comes from the chat document, and a lost idempotency race
 * leaves an explicit gap tombstone at the sequence it had taken.
 */
export function createMessageRepository(db: Db): MessageRepository {
  const messages: Collection<MessageDocument> = db.collection('messages');

  async function findMany(filter: Filter<MessageDocument>, sort: Record<string, 1 | -1>, limit = 0) {
    const docs = await messages.find(filter).sort(sort).limit(limit).toArray();
    return docs.map(toMessage);
  }

  async function findByClient(senderId: string, clientId: string) {
    const doc = await messages.findOne({ senderId, clientId });
    return doc ? toMessage(doc) : null;
  }

  return {
    findByClient,
    async insert(message) {
      try {
        await messages.insertOne(toDocument(message));
        return { inserted: true };
      } catch (error) {
        if (!isDuplicateKey(error)) {
          // best effort: a failed write should not leave its allocated sequence empty forever
          await messages.insertOne(gapDocument(message)).catch(() => undefined);
          throw error;
        }
        const { chatId, senderId, clientId } = message;
        const doc = await messages.findOne({ chatId, senderId, clientId });
        const winner = doc ? toMessage(doc) : null;
        if (!winner || winner.num === message.num) throw error;
        await messages.insertOne(gapDocument(message));
        return { inserted: false, winner };
      }
    },
    async getByNum(num) {
      const doc = await messages.findOne({ _id: num });
      return doc ? toMessage(doc) : null;
    },
    async getBySeq(chatId, seq) {
      const doc = await messages.findOne({ chatId, seq });
      return doc ? toMessage(doc) : null;
    },
    async findByClientIds(clientIds, senderId) {
      if (clientIds.length === 0) return [];
      const filter: Filter<MessageDocument> = {
        clientId: { $in: [...clientIds] },
        cleared: false,
        gap: false,
      };
      if (senderId !== undefined) filter.senderId = senderId;
      return findMany(filter, { _id: 1 });
    },
    query(query) {
      const key = query.orderBy === 'num' ? '_id' : 'seq';
      return findMany(queryFilter(query), { [key]: query.descending ? -1 : 1 }, query.limit);
    },
    queryRecalls(query) {
      return findMany(recallFilter(query), { 'recall.recallSeq': query.descending ? -1 : 1 }, query.limit);
    },
    async claimRecall(claim, recall, token) {
      const filter: Filter<MessageDocument> = {
        chatId: claim.chatId,
        recall: null,
        cleared: false,
        gap: false,
      };
      if (claim.nums) filter._id = { $in: [...claim.nums] };
      if (claim.senderId !== undefined) filter.senderId = claim.senderId;
      await messages.updateMany(filter, { $set: { recall: { ...recall, token }, content: '', extra: '' } });
      return findMany({ chatId: claim.chatId, 'recall.token': token }, { seq: 1 });
    },
    async numberRecalls(assignments) {
      if (assignments.length === 0) return;
      const operations: AnyBulkWriteOperation<MessageDocument>[] = assignments.map(({ num, recallSeq }) => ({
        updateOne: {
          filter: { _id: num },
          update: { $set: { 'recall.recallSeq': recallSeq }, $unset: { 'recall.token': '' } },
        },
      }));
      await messages.bulkWrite(operations, { ordered: false });
    },
    async clear(chatId, maxSeq) {
      const filter: Filter<MessageDocument> = { chatId, seq: { $lte: maxSeq }, cleared: false };
      const removed = await findMany(filter, { seq: 1 });
      await messages.updateMany(filter, {
        $set: { cleared: true, content: '', extra: '', receiveIds: [] },
      });
      return removed;
    },
  };
}
