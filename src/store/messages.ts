import {
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  type Filter,
  MongoBulkWriteError,
  type WriteError,
} from 'mongodb';
import type { Message, MessageInsertOutcome, MessageRepository } from '../domain/index.ts';
import {
  gapDocument,
  type MessageDocument,
  queryFilter,
  recallFilter,
  toDocument,
  toMessage,
} from './message-document.ts';
import { duplicateKeyFields } from './mongo-errors.ts';

/**
 * Messages by number, (chat, sequence) and (chat, sender, client id), all unique indexes. Sending
 * never uses a transaction: the sequence comes from the chat document, and the insert tells which
 * unique index refused it, so the domain can settle a retry or take a new sequence.
 */
export function createMessageRepository(db: Db): MessageRepository {
  const messages: Collection<MessageDocument> = db.collection('messages');

  async function findMany(filter: Filter<MessageDocument>, sort: Record<string, 1 | -1>, limit = 0) {
    const docs = await messages.find(filter).sort(sort).limit(limit).toArray();
    return docs.map(toMessage);
  }

  async function findByClient(chatId: string, senderId: string, clientId: string) {
    const doc = await messages.findOne({ chatId, senderId, clientId });
    return doc ? toMessage(doc) : null;
  }

  /** Inserts `message`, settling a refusal by a unique index: a taken sequence, or a retry's winner. */
  async function insert(message: Message): Promise<MessageInsertOutcome> {
    const doc = toDocument(message);
    try {
      await messages.insertOne(doc);
      return { outcome: 'inserted' };
    } catch (error) {
      const fields = duplicateKeyFields(error);
      if (fields.includes('seq')) return { outcome: 'duplicate_seq' };
      const winner = fields.includes('clientId')
        ? await findByClient(doc.chatId, doc.senderId, doc.clientId)
        : null;
      if (!winner) throw error;
      return { outcome: 'duplicate_client', winner };
    }
  }

  return {
    findByClient,
    insert,
    async fillGaps(chatId, gaps, at) {
      if (gaps.length === 0) return [];
      const docs = gaps.map(({ seq, num }) => gapDocument(chatId, seq, num, at));
      try {
        await messages.insertMany(docs, { ordered: false });
        return docs.map(toMessage);
      } catch (error) {
        if (!(error instanceof MongoBulkWriteError)) throw error;
        const failed = new Set(([] as WriteError[]).concat(error.writeErrors).map((e) => e.index));
        if ([...failed].length === 0) throw error;
        return docs.filter((_, index) => !failed.has(index)).map(toMessage);
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
