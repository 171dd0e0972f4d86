import { type Collection, type Db, type Document, MongoClient } from 'mongodb';
import type { ClientEntity, EntitySpec } from './format.ts';

/**
 * The entities of a unified test (`createEntities`): clients that record command monitoring
 * events, and the databases and collections opened through them.
 */

/** One recorded command monitoring event, in the unified format's shape. */
export interface RecordedEvent {
  kind: 'commandStartedEvent' | 'commandSucceededEvent' | 'commandFailedEvent';
  commandName: string;
  databaseName?: string;
  command?: Document;
  reply?: Document;
}

export interface Entities {
  clients: Map<string, MongoClient>;
  events: Map<string, RecordedEvent[]>;
  databases: Map<string, Db>;
  collections: Map<string, Collection>;
  /** Fail points configured by the test, switched off when it ends. */
  failPoints: Array<{ client: MongoClient; name: string }>;
  close(): Promise<void>;
}

const ALWAYS_IGNORED = new Set(['configureFailPoint', 'hello', 'isMaster', 'ismaster', 'buildInfo']);

function watch(client: MongoClient, spec: ClientEntity, log: RecordedEvent[]): void {
  const observed = new Set(spec.observeEvents ?? []);
  const ignored = new Set([...ALWAYS_IGNORED, ...(spec.ignoreCommandMonitoringEvents ?? [])]);
  const keep = (name: string) => !ignored.has(name);
  if (observed.has('commandStartedEvent'))
    client.on('commandStarted', (e) => {
      if (keep(e.commandName))
        log.push({
          kind: 'commandStartedEvent',
          commandName: e.commandName,
          databaseName: e.databaseName,
          command: e.command,
        });
    });
  if (observed.has('commandSucceededEvent'))
    client.on('commandSucceeded', (e) => {
      if (keep(e.commandName))
        log.push({ kind: 'commandSucceededEvent', commandName: e.commandName, reply: e.reply as Document });
    });
  if (observed.has('commandFailedEvent'))
    client.on('commandFailed', (e) => {
      if (keep(e.commandName)) log.push({ kind: 'commandFailedEvent', commandName: e.commandName });
    });
}

/** Creates the entities of one test against the server at `uri`. */
export async function createEntities(uri: string, specs: EntitySpec[]): Promise<Entities> {
  const entities: Entities = {
    clients: new Map(),
    events: new Map(),
    databases: new Map(),
    collections: new Map(),
    failPoints: [],
    async close() {
      for (const { client, name } of entities.failPoints) {
        await client
          .db('admin')
          .command({ configureFailPoint: name, mode: 'off' })
          .catch(() => undefined);
      }
      for (const client of entities.clients.values()) await client.close();
    },
  };
  for (const entry of specs) {
    if (entry.client) {
      const spec = entry.client;
      const client = new MongoClient(uri, { monitorCommands: true, ...spec.uriOptions });
      const log: RecordedEvent[] = [];
      watch(client, spec, log);
      await client.connect();
      entities.clients.set(spec.id, client);
      entities.events.set(spec.id, log);
    } else if (entry.database) {
      const spec = entry.database;
      const client = entities.clients.get(spec.client) as MongoClient;
      entities.databases.set(spec.id, client.db(spec.databaseName, spec.databaseOptions));
    } else if (entry.collection) {
      const spec = entry.collection;
      const db = entities.databases.get(spec.database) as Db;
      entities.collections.set(spec.id, db.collection(spec.collectionName, spec.collectionOptions));
    } else {
      throw new Error(`unsupported entity ${Object.keys(entry)[0]}`);
    }
  }
  return entities;
}
