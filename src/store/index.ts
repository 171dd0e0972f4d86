/** The MongoDB store: `openStore` for the gateway, the event log and publisher for push. */

export { RECENT_SENDS } from './chat-document.ts';
export { CommandCounter, describeCommands, type WireCommand } from './command-counter.ts';
export { createEventLog, EVENTS_CAPACITY_BYTES, type EventLog, type LoggedEvent } from './event-log.ts';
export { createChangeStreamEventLog } from './event-change-stream.ts';
export { detectEventFeed, type EventFeedKind } from './event-feed-kind.ts';
export { createEventLogPublisher } from './event-publisher.ts';
export { ensureIndexes, INDEXES } from './indexes.ts';
export { createStore, openStore, type Store, type StoreOptions } from './open-store.ts';
export { SHARD_KEYS, type ShardPlacement, shardKeyViolations } from './shard-keys.ts';
