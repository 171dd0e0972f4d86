import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageEvent } from '../../src/domain/index.ts';
import { type EmbeddedMongo, startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { CommandCounter, openStore, type Store } from '../../src/store/index.ts';
import { sentEvent } from './rows.ts';

describe('event log appends: group commit', () => {
  let mongo: EmbeddedMongo;
  let store: Store;
  const counter = new CommandCounter();
  beforeAll(async () => {
    mongo = await startEmbeddedMongo({ port: 0, enableTestCommands: true });
    store = await openStore({ uri: mongo.uri, dbName: 'appender', onCommand: counter.onCommand });
  });
  afterAll(async () => {
    await store.close();
    await mongo.close();
  });

  const logged = async () =>
    (await store.db.collection<{ event: MessageEvent }>('events').find({}).toArray()).map(
      (doc) => doc.event.messageNum,
    );

  it('writes concurrent appends in fewer inserts than events, each acknowledged, in append order', async () => {
    counter.take();
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.events.appendEvent(sentEvent(i + 1))),
    );
    const inserts = counter.take().filter((c) => c.name === 'insert' && c.collection === 'events');
    expect(inserts.length).toBeGreaterThan(0);
    expect(inserts.length).toBeLessThan(10); // one insert per event before (50)
    expect(new Set(ids).size).toBe(50);
    expect(await logged()).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('a lone append is written at once, in one insert', async () => {
    counter.take();
    await store.events.appendEvent(sentEvent(51));
    expect(counter.take().map((c) => `${c.name}:${c.collection}`)).toEqual(['insert:events']);
  });

  it('rejects the appends of a failed insert and writes the next ones', async () => {
    await store.db.admin().command({
      configureFailPoint: 'failCommand',
      mode: { times: 1 },
      data: { failCommands: ['insert'], errorCode: 8 },
    });
    // 52 goes out at once and fails; 53 and 54, appended meanwhile, go in the next insert
    const settled = await Promise.allSettled(
      [52, 53, 54].map((num) => store.events.appendEvent(sentEvent(num))),
    );
    expect(settled.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect((await logged()).slice(-3)).toEqual([51, 53, 54]);
  });
});
