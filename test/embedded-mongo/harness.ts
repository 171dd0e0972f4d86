import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Db, type Document, MongoClient, type ObjectId } from 'mongodb';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import {
  type EmbeddedMongo,
  type EmbeddedMongoOptions,
  startEmbeddedMongo,
} from '../../src/embedded-mongo/index.ts';

/** A running embedded server with a connected driver client. */
export interface Harness {
  server: EmbeddedMongo;
  client: MongoClient;
  db: Db;
  stop(): Promise<void>;
}

/** Starts a server on an ephemeral loopback port and connects the official driver to it. */
export async function startHarness(options: EmbeddedMongoOptions = {}, dbName = 'test'): Promise<Harness> {
  const server = await startEmbeddedMongo({ host: '127.0.0.1', port: 0, ...options });
  const client = new MongoClient(server.uri, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  return {
    server,
    client,
    db: client.db(dbName),
    async stop() {
      await client.close();
      await server.close();
    },
  };
}

/** One harness for a test file: started before its tests, stopped after them. */
export function useHarness(options: EmbeddedMongoOptions = {}): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness(options);
  });
  afterAll(async () => {
    await current?.stop();
  });
  const started = (): Harness => {
    if (!current) throw new Error('the harness starts in beforeAll');
    return current;
  };
  return {
    get server() {
      return started().server;
    },
    get client() {
      return started().client;
    },
    get db() {
      return started().db;
    },
    stop: () => started().stop(),
  };
}

/** A fresh temporary data directory, removed when the test that made it finishes (passed or not). */
export function tempDataDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `embedded-mongo-${label}-`));
  onTestFinished(function removeTempDataDir() {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Test documents with plain (non-ObjectId) `_id`s. */
export type Loose = { _id?: number | string | ObjectId } & Document;
