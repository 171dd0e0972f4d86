import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageEvent } from '../../src/domain/index.ts';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { CommandCounter, openStore, type Store } from '../../src/store/index.ts';
import { sentEvent as event } from './rows.ts';

describe('event log tail', () => {
  let server: Awaited<ReturnType<typeof startEmbeddedMongo>>;
  let store: Store;
  const counter = new CommandCounter();
  beforeAll(async () => {
    server = await startEmbeddedMongo({ port: 0 });
    store = await openStore({ uri: server.uri, dbName: 'tail', onCommand: counter.onCommand });
  });
  afterAll(async () => {
    await store.close();
    await server.close();
  });

  it('reads many events per getMore under a steady insert load, in order, none lost', async () => {
    await store.events.appendEvent(event(0));
    const abort = new AbortController();
    const seen: number[] = [];
    const tail = (async () => {
      for await (const { event: e } of store.events.tailEvents(undefined, abort.signal)) {
        seen.push((e as MessageEvent).messageNum);
        if (seen.length === 300) abort.abort();
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    counter.takeTail();
    for (let i = 1; i <= 300; i += 1) await store.events.appendEvent(event(i)); // one insert at a time, as sends do
    await tail;
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const tailCommands = counter.takeTail();
    expect(tailCommands).toBeLessThan(300 / 2); // one getMore per event before batching (299 measured)
  });
});
