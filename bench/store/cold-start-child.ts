import { startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';

/** Child process of the store bench: opens a data directory, reports load time and RSS, exits. */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: cold-start-child.ts DATA_DIR');
const started = performance.now();
const server = await startEmbeddedMongo({ dataDir });
const openMs = performance.now() - started;
global.gc?.();
const { rss, heapUsed } = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({ openMs, rssMB: rss / 2 ** 20, heapMB: heapUsed / 2 ** 20, uptimeMs: process.uptime() * 1000 })}\n`,
);
await server.close();
