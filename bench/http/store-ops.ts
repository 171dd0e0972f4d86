import type { Store } from '../../src/store/index.ts';

/** The provisioned user and group chat every case runs against. */
export interface Fixture {
  readonly userId: string;
  readonly chatId: string;
  /** Messages seeded before the first case, so that every 50-message page is full. */
  readonly seeded: number;
}

/** Messages per page in the pull and list cases (imchat `count` max). */
export const PAGE = 50;

/**
 * The essential work of a send on the gateway's driver and store: one `findOneAndUpdate` `$inc` of
 * the chat's sequence and one `insertOne` of the message (the gateway's document shape, into the
 * same indexed `messages` collection); the message number comes from the same in-process block.
 */
export async function storeSend(store: Store, fixture: Fixture, clientId: string): Promise<number> {
  const chat = await store.db
    .collection<{ _id: string; lastSeq: number }>('chats')
    .findOneAndUpdate(
      { _id: fixture.chatId },
      { $inc: { lastSeq: 1 } },
      { returnDocument: 'after', projection: { lastSeq: 1 } },
    );
  if (!chat) throw new Error(`no chat ${fixture.chatId}`);
  await store.db.collection<{ _id: number; [field: string]: unknown }>('messages').insertOne({
    _id: await store.numbers.next('message'),
    chatId: fixture.chatId,
    seq: chat.lastSeq,
    senderId: fixture.userId,
    clientId,
    content: 'benchmark message',
    extra: '',
    type: 1,
    isEnc: 0,
    receiveIds: [],
    createdAt: Date.now(),
    recall: null,
    gap: false,
    cleared: false,
  });
  return chat.lastSeq;
}

/** The essential work of a read of 50: one indexed `find` of the page (the one-command ceiling). */
export async function storeReadPage(store: Store, fixture: Fixture, after: number): Promise<unknown[]> {
  const page = await store.db
    .collection('messages')
    .find({ chatId: fixture.chatId, seq: { $gt: after } })
    .sort({ seq: 1 })
    .limit(PAGE)
    .toArray();
  if (page.length !== PAGE) throw new Error(`page of ${page.length} messages`);
  return page;
}
