import { type CommandStartedEvent, type Db, MongoClient } from 'mongodb';
import type { StorePorts } from '../domain/index.ts';
import { createChatRepository } from './chats.ts';
import { createChangeStreamEventLog } from './event-change-stream.ts';
import { detectEventFeed, type EventFeedKind } from './event-feed-kind.ts';
import { createEventLog, type EventLog } from './event-log.ts';
import { createFocusRepository } from './focus.ts';
import { createHiddenRepository } from './hidden.ts';
import { ensureIndexes } from './indexes.ts';
import { createMemberRepository } from './members.ts';
import { createMessageRepository } from './messages.ts';
import { createNumberAllocator } from './numbers.ts';
import { createUserRepository } from './users.ts';

export interface StoreOptions {
  /** A `mongodb://` URI: a real deployment, or the embedded server's. */
  readonly uri: string;
  readonly dbName: string;
  /** Numbers reserved per counter round trip (hi/lo); default 1000. */
  readonly numberBlockSize?: number;
  /** Sees every command the driver sends (command monitoring; off unless given): `CommandCounter`. */
  readonly onCommand?: (event: CommandStartedEvent) => void;
}

/** The repositories the domain runs on, the event log the push bus tails, and the connection. */
export interface Store extends StorePorts {
  readonly db: Db;
  readonly events: EventLog;
  /** How `events` is read: change streams or the capped tail, chosen at open from `hello`. */
  readonly eventFeed: EventFeedKind;
  /** Closes the driver's connections. */
  close(): Promise<void>;
}

/** Builds the repositories over an already connected database (no index creation). */
export function createStore(
  db: Db,
  close: () => Promise<void>,
  numberBlockSize?: number,
  eventFeed: EventFeedKind = 'capped-tail',
): Store {
  return {
    db,
    numbers: createNumberAllocator(db, numberBlockSize),
    users: createUserRepository(db),
    chats: createChatRepository(db),
    members: createMemberRepository(db),
    messages: createMessageRepository(db),
    hidden: createHiddenRepository(db),
    focus: createFocusRepository(db),
    events: eventFeed === 'change-stream' ? createChangeStreamEventLog(db) : createEventLog(db),
    eventFeed,
    close,
  };
}

/**
 * Connects the official driver, ensures collections and indexes, chooses the event feed from
 * what the server reports (`detectEventFeed`), and returns the store.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const client = new MongoClient(options.uri, { monitorCommands: options.onCommand !== undefined });
  if (options.onCommand) client.on('commandStarted', options.onCommand);
  await client.connect();
  try {
    const db = client.db(options.dbName);
    await ensureIndexes(db);
    const eventFeed = await detectEventFeed(db);
    return createStore(db, () => client.close(), options.numberBlockSize, eventFeed);
  } catch (error) {
    await client.close();
    throw error;
  }
}
