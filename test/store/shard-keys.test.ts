import type { IndexDescription } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { EVENTS_COLLECTION } from '../../src/store/event-log.ts';
import { INDEXES } from '../../src/store/index.ts';
import { SHARD_KEYS, shardKeyViolations } from '../../src/store/shard-keys.ts';

describe('shard keys (docs/scaling.md)', () => {
  it('every unique index the store declares starts with its collection’s shard key', () => {
    expect(shardKeyViolations(INDEXES, SHARD_KEYS)).toEqual([]);
  });

  it('declares a placement for every collection the store indexes, the counters and the event log', () => {
    for (const collection of [...Object.keys(INDEXES), 'counters', EVENTS_COLLECTION]) {
      expect(SHARD_KEYS[collection]?.why, collection).toMatch(/\w{3}/);
    }
  });

  it('catches a unique index that a cluster sharded by another key could not enforce', () => {
    const before: Record<string, IndexDescription[]> = {
      messages: [
        { key: { chatId: 1, seq: 1 }, name: 'chat_seq_unique', unique: true },
        { key: { senderId: 1, clientId: 1 }, name: 'sender_client_unique', unique: true },
        { key: { clientId: 1 }, name: 'client' },
      ],
      reactions: [{ key: { messageNum: 1, userId: 1 }, name: 'one_per_user', unique: true }],
    };
    expect(shardKeyViolations(before, SHARD_KEYS)).toEqual([
      'messages.sender_client_unique: unique on (senderId, clientId), shard key (chatId)',
      'reactions: no shard key declared',
    ]);
  });
});
