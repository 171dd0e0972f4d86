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
 * The store calls `domain/send.ts` makes for one send, in the same order and with the same
 * parallelism (traced through a proxy over the repositories): chat, idempotency lookup, number,
 * sequence, insert, sender, un-hide + last-online, event log. No HTTP, auth, validation, domain rule.
 */
export async function storeSend(store: Store, fixture: Fixture, clientId: string): Promise<void> {
  const chat = await store.chats.get(fixture.chatId);
  if (!chat) throw new Error(`no chat ${fixture.chatId}`);
  await store.messages.findByClient(fixture.userId, clientId);
  const num = await store.numbers.next('message');
  const createdAt = Date.now();
  const numbered = await store.chats.allocateSeq(chat.id, createdAt);
  if (!numbered) throw new Error('allocateSeq found no chat');
  await store.messages.insert({
    num,
    chatId: chat.id,
    seq: numbered.lastSeq,
    senderId: fixture.userId,
    clientId,
    content: 'benchmark message',
    extra: '',
    type: 1,
    isEnc: 0,
    receiveIds: [],
    createdAt,
    recall: null,
    gap: false,
    cleared: false,
  });
  const [sender] = await Promise.all([
    store.users.get(fixture.userId),
    store.members.unhideAll(chat.id),
    store.members.setLastOnline(fixture.userId, [chat.id], createdAt),
  ]);
  await store.events.appendEvent({
    kind: 'message.sent',
    chatId: chat.id,
    chatNum: chat.num,
    actorId: fixture.userId,
    actorNum: sender?.num ?? 0,
    messageNum: num,
    sequence: numbered.lastSeq,
    at: createdAt,
    audience: [fixture.userId],
  });
}

/**
 * The store calls of one `reading.pull` / `reading.list` page of 50 after `after` (both make the
 * same ones): chat, membership, the page, membership again, hidden and focused marks, senders.
 */
export async function storeReadPage(store: Store, fixture: Fixture, after: number): Promise<void> {
  const chat = await store.chats.get(fixture.chatId);
  if (!chat) throw new Error(`no chat ${fixture.chatId}`);
  await store.members.getMany(fixture.userId, [chat.id]);
  const page = await store.messages.query({
    chatIds: [chat.id],
    addressedTo: fixture.userId,
    includeGaps: true,
    orderBy: 'seq',
    descending: false,
    limit: PAGE,
    seq: { gt: after },
  });
  if (page.length !== PAGE) throw new Error(`page of ${page.length} messages`);
  await store.members.getMany(fixture.userId, [chat.id]);
  const nums = page.map((m) => m.num);
  await store.hidden.hiddenAmong(fixture.userId, nums);
  await store.focus.focusedAmong(fixture.userId, nums);
  await store.users.getMany([fixture.userId]);
}
