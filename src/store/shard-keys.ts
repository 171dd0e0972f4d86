import type { IndexDescription } from 'mongodb';

/**
 * Where one collection lives on a sharded cluster: sharded by a ranged key, or left unsharded on
 * the database's primary shard. `why` is the reason, as docs/scaling.md gives it.
 */
export type ShardPlacement =
  | { readonly key: Readonly<Record<string, 1>>; readonly why: string }
  | { readonly unsharded: true; readonly why: string };

/**
 * The placement of every collection the store writes (docs/scaling.md "Shard keys"). Ranged keys
 * only: a unique index can start with a ranged shard key, never with a hashed one. A new
 * collection needs an entry here, and its unique indexes must start with its key
 * (`shardKeyViolations`, asserted by test/store/shard-keys.test.ts).
 */
export const SHARD_KEYS: Readonly<Record<string, ShardPlacement>> = {
  messages: {
    key: { chatId: 1 },
    why: 'every send, page, pull and recall names its chat: one shard answers it; a chat never spans shards',
  },
  users: {
    unsharded: true,
    why: 'num is unique across users; 10M users are about 2 GB, read by _id, written only when provisioned',
  },
  chats: {
    unsharded: true,
    why: 'num and the single-chat pair are unique across chats (member state lives here too); sharding it is the first change past one replica set (docs/scaling.md)',
  },
  counters: { unsharded: true, why: 'one document per number kind, one $inc per block of 1,000 numbers' },
  events: { unsharded: true, why: 'a capped collection, which MongoDB cannot shard' },
};

function fieldsOf(key: IndexDescription['key']): string[] {
  return key instanceof Map ? [...key.keys()] : Object.keys(key);
}

/**
 * Every unique index (other than `_id`, which MongoDB exempts) whose key does not start with its
 * collection's shard key, and every indexed collection without a placement: each one a sentence
 * naming the index. Empty when the schema runs unchanged on a sharded cluster.
 */
export function shardKeyViolations(
  indexes: Readonly<Record<string, readonly IndexDescription[]>>,
  placements: Readonly<Record<string, ShardPlacement>>,
): string[] {
  const out: string[] = [];
  for (const [collection, list] of Object.entries(indexes)) {
    const placement = placements[collection];
    if (!placement) {
      out.push(`${collection}: no shard key declared`);
      continue;
    }
    if ('unsharded' in placement) continue;
    const shardFields = Object.keys(placement.key);
    for (const index of list) {
      if (!index.unique) continue;
      const prefix = fieldsOf(index.key).slice(0, shardFields.length);
      if (prefix.join() !== shardFields.join()) {
        out.push(
          `${collection}.${index.name ?? '?'}: unique on (${fieldsOf(index.key).join(', ')}), shard key (${shardFields.join(', ')})`,
        );
      }
    }
  }
  return out;
}
