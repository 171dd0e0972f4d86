import {
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  type Filter,
  MongoBulkWriteError,
  MongoClientBulkWriteError,
  type WriteError,
} from 'mongodb';
import type { DomainEvent, Message, MessageInsertOutcome, MessageRepository } from '../domain/index.ts';
import { appendEventTo, EVENTS_COLLECTION, eventDocument } from './event-log.ts';
import type { EventDocument } from './event-tail.ts';
import {
  gapDocument,
  type MessageDocument,
  queryFilter,
  recallFilter,
  toDocument,
  toMessage,
} from './message-document.ts';
import { duplicateKeyFields, duplicateKeyFieldsOf } from './mongo-errors.ts';

/** How the repository writes: `clientBulkWrite` when the server takes several collections in one command. */
export interface MessageWriteOptions {
  readonly clientBulkWrite: boolean;
}

/**
 * Messages by number, (chat, sequence) and (chat, sender, client id), all unique indexes. Sending
 * never uses a transaction: the sequence comes from the chat document, and the insert tells which
 * unique index refused it, so the domain can settle a retry or take a new sequence. A message
 * and the event announcing it go in one ordered client `bulkWrite` where the server has it
 * (MongoDB 8.0+): the event is written only after the message, and not at all when the message
 * is refused.
 */
export function createMessageRepository(
  db: Db,
  options: MessageWriteOptions = { clientBulkWrite: false },
): MessageRepository {
  const messages: Collection<MessageDocument> = db.collection('messages');
  const messagesNs = `${db.databaseName}.${messages.collectionName}`;
  const eventsNs = `${db.databaseName}.${EVENTS_COLLECTION}`;

  async function findMany(filter: Filter<MessageDocument>, sort: Record<string, 1 | -1>, limit = 0) {
    const docs = await messages.find(filter).sort(sort).limit(limit).toArray();
    return docs.map(toMessage);
  }

  async function findByClient(chatId: string, senderId: string, clientId: string) {
    const doc = await messages.findOne({ chatId, senderId, clientId });
    return doc ? toMessage(doc) : null;
  }

  /**
   * Runs `write` of `doc` and settles a refusal by a unique index: `fieldsOf` names the refusing
   * index's key fields from the error (empty when it was not such a refusal, which is rethrown).
   */
  async function inserted(
    doc: MessageDocument,
    write: () => Promise<unknown>,
    fieldsOf: (error: unknown) => readonly string[],
  ): Promise<MessageInsertOutcome> {
    try {
      await write();
      return { outcome: 'inserted' };
    } catch (error) {
      const fields = fieldsOf(error);
      if (fields.includes('seq')) return { outcome: 'duplicate_seq' };
      const winner = fields.includes('clientId')
        ? await findByClient(doc.chatId, doc.senderId, doc.clientId)
        : null;
      if (!winner) throw error;
      return { outcome: 'duplicate_client', winner };
    }
  }

  function insertOne(message: Message): Promise<MessageInsertOutcome> {
    const doc = toDocument(message);
    return inserted(doc, () => messages.insertOne(doc), duplicateKeyFields);
  }

  function insertAnnounced(message: Message, event: DomainEvent): Promise<MessageInsertOutcome> {
    const doc = toDocument(message);
    const write = () =>
      db.client.bulkWrite<Record<string, MessageDocument | EventDocument>>(
        [
          { name: 'insertOne', namespace: messagesNs, document: doc },
          { name: 'insertOne', namespace: eventsNs, document: eventDocument(event) },
        ],
        { ordered: true },
      );
    // Ordered: a refused message (index 0) stops the batch before its event.
    const fieldsOf = (error: unknown) => {
      const first = error instanceof MongoClientBulkWriteError ? error.writeErrors.get(0) : undefined;
      return first ? duplicateKeyFieldsOf(first.code, first.message) : [];
    };
    return inserted(doc, write, fieldsOf);
  }

  return {
    findByClient,
    async insert(message, announce) {
      if (announce && options.clientBulkWrite) return insertAnnounced(message, announce);
      const outcome = await insertOne(message);
      if (announce && outcome.outcome === 'inserted') await appendEventTo(db, announce);
      return outcome;
    },
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
