import { startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { CommandCounter, describeCommands, openStore } from '../../src/store/index.ts';
import type { CommandRow } from '../commands/operations.ts';
import { PAGE, storeReadPage, storeSend } from './store-ops.ts';

/** The minimal server's send and read, counted at the wire like the gateway's operations. */
export async function countCeilingCommands(): Promise<CommandRow[]> {
  const mongo = await startEmbeddedMongo({ port: 0 });
  const counter = new CommandCounter();
  const store = await openStore({ uri: mongo.uri, dbName: 'ceiling', onCommand: counter.onCommand });
  try {
    const fixture = { userId: 'a', chatId: 'c', seeded: PAGE + 1 };
    await store.db.collection<{ _id: string; lastSeq: number }>('chats').insertOne({ _id: 'c', lastSeq: 0 });
    for (let i = 0; i <= PAGE + 1; i++) await storeSend(store, fixture, `seed_${i}`);
    const rows: CommandRow[] = [];
    for (const [operation, run] of [
      ['minimal send', () => storeSend(store, fixture, 'counted')],
      ['minimal read of 50', () => storeReadPage(store, fixture, 0)],
    ] as const) {
      counter.take();
      await run();
      const commands = counter.take();
      rows.push({ operation, commands: commands.length, trace: describeCommands(commands) });
    }
    return rows;
  } finally {
    await store.close();
    await mongo.close();
  }
}
