import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedMongo, startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { feedFor } from '../../src/store/event-feed-kind.ts';
import { openStore } from '../../src/store/index.ts';

describe('the event feed is chosen from what the server reports', () => {
  const servers: EmbeddedMongo[] = [];
  beforeAll(async () => {
    servers.push(await startEmbeddedMongo(), await startEmbeddedMongo({ replicaSet: 'rs0' }));
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it.each([
    [0, 'capped-tail'],
    [1, 'change-stream'],
  ])('openStore on embedded server %i reads events by %s', async (index, feed) => {
    const store = await openStore({ uri: servers[index]?.uri ?? '', dbName: 'feed_kind' });
    try {
      expect(store.eventFeed).toBe(feed);
    } finally {
      await store.db.dropDatabase();
      await store.close();
    }
  });

  it('takes a mongos (msg: isdbgrid) for change streams, a plain hello for a standalone', () => {
    expect(feedFor({ isWritablePrimary: true, msg: 'isdbgrid' })).toBe('change-stream');
    expect(feedFor({ isWritablePrimary: true, setName: 'rs0' })).toBe('change-stream');
    expect(feedFor({ isWritablePrimary: true })).toBe('capped-tail');
  });
});
