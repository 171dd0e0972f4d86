import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Collection, MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { IMGATE_NODE_FLAGS } from '../node-flags.ts';
import { type BenchMessage, benchMessage, MESSAGE_INDEXES } from './messages.ts';
import { startNoopServer } from './noop-server.ts';

/**
 * Store benchmark: driver insert rates against the embedded server and against a no-op wire
 * server (the ceiling), an indexed 50-message range read in a 1M-message collection, and the
 * cold start (time, RSS) of a child process over that data directory. The cold start and
 * the range reads run in one child process with the V8 flags `imgate` ships, server in process.
 * Env: BENCH_MESSAGES (default 1000000), BENCH_CHATS (1000), BENCH_SINGLE (20000), BENCH_READS (2000).
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const CHATS = Number(process.env.BENCH_CHATS ?? 1000);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 20_000);
const READS = Number(process.env.BENCH_READS ?? 2000);
const LOAD_BATCH = 1000;
/** Reads before measuring: the first queries pay for JIT compilation and lazy index blocks. */
const WARM_UP_READS = 200;

async function withClient<T>(
  uri: string,
  run: (messages: Collection<BenchMessage>) => Promise<T>,
): Promise<T> {
  const client = new MongoClient(uri);
  try {
    return await run(client.db('bench').collection<BenchMessage>('messages'));
  } finally {
    await client.close();
  }
}

async function insertRate(
  messages: Collection<BenchMessage>,
  count: number,
  batch: number,
  offset: number,
): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i += batch) {
    if (batch === 1) await messages.insertOne(benchMessage(offset + i, CHATS));
    else
      await messages.insertMany(Array.from({ length: batch }, (_, j) => benchMessage(offset + i + j, CHATS)));
  }
  return count / ((performance.now() - started) / 1000);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imgate-store-bench-'));
  const results: Record<string, number | string> = {
    messages: MESSAGES,
    chats: CHATS,
    node: process.version,
  };

  const noop = await startNoopServer();
  results.noopSingleInsertsPerSec = await withClient(noop.uri, (m) => insertRate(m, SINGLE, 1, 0));
  await noop.close();

  const rateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imgate-store-bench-rate-'));
  const rateServer = await startEmbeddedMongo({ dataDir: rateDir });
  await withClient(rateServer.uri, async (m) => {
    await m.createIndexes(MESSAGE_INDEXES);
    results.singleInsertsPerSec = await insertRate(m, SINGLE, 1, 0);
    results.batchedInsertsPerSec = await insertRate(m, SINGLE * 5, 100, SINGLE);
  });
  await rateServer.close();
  fs.rmSync(rateDir, { recursive: true, force: true });
  results.singleVsCeiling = (results.singleInsertsPerSec as number) / results.noopSingleInsertsPerSec;

  const loadStarted = performance.now();
  const loader = await startEmbeddedMongo({ dataDir });
  await withClient(loader.uri, async (m) => {
    await m.createIndexes(MESSAGE_INDEXES);
    for (let i = 0; i < MESSAGES; i += LOAD_BATCH) {
      const size = Math.min(LOAD_BATCH, MESSAGES - i);
      await m.insertMany(
        Array.from({ length: size }, (_, j) => benchMessage(i + j, CHATS)),
        { ordered: false },
      );
    }
  });
  results.datasetLoadSec = (performance.now() - loadStarted) / 1000;
  const closeStarted = performance.now();
  await loader.close();
  results.compactionOnCloseSec = (performance.now() - closeStarted) / 1000;
  results.dataDirMB =
    fs.readdirSync(dataDir).reduce((sum, f) => sum + fs.statSync(path.join(dataDir, f)).size, 0) / 2 ** 20;

  const perChat = Math.floor(MESSAGES / CHATS);
  const child = execFileSync(
    process.execPath,
    [
      ...IMGATE_NODE_FLAGS,
      '--expose-gc',
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'cold-start-child.ts'),
      dataDir,
      String(CHATS),
      String(perChat),
      String(READS),
      String(WARM_UP_READS),
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const cold = JSON.parse(child.trim().split('\n').at(-1) ?? '{}') as Record<string, number> & {
    timings: number[];
  };
  results.coldStartOpenSec = (cold.openMs ?? Number.NaN) / 1000;
  results.coldStartProcessSec = (cold.uptimeMs ?? Number.NaN) / 1000;
  results.coldStartRssMB = cold.rssMB ?? Number.NaN;
  const timings = [...cold.timings].sort((a, b) => a - b);
  results.rangeReadP50Ms = percentile(timings, 50);
  results.rangeReadP99Ms = percentile(timings, 99);
  results.nodeFlags = IMGATE_NODE_FLAGS.join(' ');
  fs.rmSync(dataDir, { recursive: true, force: true });

  const table = [
    '| metric | value | target |',
    '|---|---|---|',
    `| single inserts/s (driver → embedded, journaled, 2 unique indexes) | ${Math.round(results.singleInsertsPerSec as number)} | |`,
    `| single inserts/s (driver → no-op wire server, ceiling) | ${Math.round(results.noopSingleInsertsPerSec)} | |`,
    `| ratio embedded / ceiling | ${results.singleVsCeiling.toFixed(2)} | ≥ 0.30 |`,
    `| batched inserts/s (100 per insertMany) | ${Math.round(results.batchedInsertsPerSec as number)} | |`,
    `| range read p50 (50 of ${MESSAGES} messages, index chatId+seq; in-process server as in the gateway, ${IMGATE_NODE_FLAGS.join(' ')}) | ${results.rangeReadP50Ms.toFixed(2)} ms | |`,
    `| range read p99 | ${results.rangeReadP99Ms.toFixed(2)} ms | < 2 ms |`,
    `| cold start: open data dir (${MESSAGES} messages) | ${results.coldStartOpenSec.toFixed(2)} s | < 15 s |`,
    `| cold start: whole child process | ${results.coldStartProcessSec.toFixed(2)} s | |`,
    `| cold start RSS | ${Math.round(results.coldStartRssMB)} MB | |`,
    `| dataset load through the driver (insertMany of ${LOAD_BATCH}) | ${results.datasetLoadSec.toFixed(1)} s | |`,
    `| compaction on close (snapshot write) | ${results.compactionOnCloseSec.toFixed(1)} s | |`,
    `| data directory size | ${Math.round(results.dataDirMB)} MB | |`,
  ];
  console.log(table.join('\n'));
  const out = path.join(import.meta.dirname, '..', 'results', 'store.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten ${out}`);
}

await main();
