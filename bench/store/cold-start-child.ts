import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import type { BenchMessage } from './messages.ts';

/**
 * Child process of the store bench, run with the V8 flags `imgate` ships: opens a data directory
 * (load time, RSS), then times indexed range reads through the driver against that in-process
 * server, as the gateway uses it. Prints one JSON line and exits.
 * Usage: cold-start-child.ts DATA_DIR CHATS PER_CHAT READS WARM_UP_READS
 */
const [dataDir, chats, perChat, reads, warmUp] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: cold-start-child.ts DATA_DIR CHATS PER_CHAT READS WARM_UP_READS');
const started = performance.now();
const server = await startEmbeddedMongo({ dataDir });
const openMs = performance.now() - started;
global.gc?.();
const { rss, heapUsed } = process.memoryUsage();
const uptimeMs = process.uptime() * 1000;

const client = await MongoClient.connect(server.uri);
const messages = client.db('bench').collection<BenchMessage>('messages');
const timings: number[] = [];
for (let i = -Number(warmUp); i < Number(reads); i++) {
  const chatId = `s_${Math.floor(Math.random() * Number(chats))
    .toString(16)
    .padStart(8, '0')}`;
  const after = Math.floor(Math.random() * Math.max(1, Number(perChat) - 50));
  const begun = performance.now();
  const page = await messages
    .find({ chatId, seq: { $gt: after } })
    .sort({ seq: 1 })
    .limit(50)
    .toArray();
  if (i >= 0) timings.push(performance.now() - begun);
  if (page.length !== Math.min(50, Number(perChat) - after))
    throw new Error(`range read returned ${page.length} messages`);
}
await client.close();
await server.close();
process.stdout.write(
  `${JSON.stringify({ openMs, rssMB: rss / 2 ** 20, heapMB: heapUsed / 2 ** 20, uptimeMs, timings })}\n`,
);
