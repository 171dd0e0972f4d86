import { type Document, MongoClientBulkWriteError, type MongoClient, MongoServerError } from 'mongodb';
import { createEntities, type Entities, type RecordedEvent } from './entities.ts';
import type {
  CollectionData,
  ExpectedError,
  ExpectedEvents,
  Operation,
  UnifiedFile,
  UnifiedTest,
} from './format.ts';
import { Mismatch, match } from './match.ts';
import { runOperation, specClientBulkWriteResult } from './operations.ts';

/**
 * Runs one unified test and classifies it: `passed`; `refused` (the server answered an error
 * where the test wanted a result or another error: honest, but not the feature); `failed` (a
 * wrong result, or success where MongoDB fails).
 */
export type Verdict = { outcome: 'passed' } | { outcome: 'refused' | 'failed'; reason: string };

class Refused extends Error {}

async function seed(setup: MongoClient, file: UnifiedFile): Promise<void> {
  for (const data of file.initialData ?? []) {
    const db = setup.db(data.databaseName);
    await db.dropCollection(data.collectionName).catch(() => undefined);
    await db.createCollection(data.collectionName, data.createOptions ?? {});
    if (data.documents.length > 0) await db.collection(data.collectionName).insertMany(data.documents);
  }
}

/**
 * A client bulk write error carries the server's top-level error as its `cause`, the partial
 * result, and the write (concern) errors: the format's assertions look at those.
 */
function checkClientBulkWriteError(expect: ExpectedError, error: MongoClientBulkWriteError): void {
  if (expect.expectResult)
    match(expect.expectResult, specClientBulkWriteResult(error.partialResult), 'error.partialResult');
  if (expect.writeErrors) {
    // Exactly the expected indexes; each write error is a root-level document (extra fields allowed).
    const actual = new Map([...error.writeErrors].map(([index, value]) => [String(index), value]));
    const wanted = Object.keys(expect.writeErrors);
    if (actual.size !== wanted.length || wanted.some((index) => !actual.has(index)))
      throw new Mismatch(
        `error.writeErrors: indexes ${wanted.join(',')} expected, ${[...actual.keys()].join(',')} seen`,
      );
    for (const index of wanted)
      match(expect.writeErrors[index], actual.get(index), `error.writeErrors.${index}`);
  }
  if (expect.writeConcernErrors)
    match(expect.writeConcernErrors, error.writeConcernErrors, 'error.writeConcernErrors', false);
}

function checkError(expect: ExpectedError, thrown: unknown): void {
  const bulk = thrown instanceof MongoClientBulkWriteError ? thrown : undefined;
  const error = bulk?.cause ?? thrown;
  const server = error instanceof MongoServerError;
  const message = error instanceof Error ? error.message : String(error);
  const refused = (why: string) => new Refused(`${why}: ${message}`);
  if (expect.isClientError && server) throw refused('server refused what the driver should have');
  if (expect.isClientError === false && !server)
    throw new Mismatch(`expected a server error, got ${message}`);
  if (!server && !expect.isClientError && !expect.isError) throw new Mismatch(`client error ${message}`);
  const e = error as MongoServerError;
  if (expect.errorCode !== undefined && e.code !== expect.errorCode) {
    throw refused(`wanted code ${expect.errorCode}`);
  }
  if (expect.errorCodeName !== undefined && e.codeName !== expect.errorCodeName) {
    throw refused(`wanted ${expect.errorCodeName}`);
  }
  if (expect.errorContains && !message.toLowerCase().includes(expect.errorContains.toLowerCase())) {
    throw refused(`wanted message containing "${expect.errorContains}"`);
  }
  if (expect.errorResponse) match(expect.errorResponse, e.errorResponse, 'errorResponse');
  if (bulk) return checkClientBulkWriteError(expect, bulk);
  if (expect.expectResult) match(expect.expectResult, (e as { result?: unknown }).result, 'error.result');
}

async function runOne(entities: Entities, operation: Operation): Promise<void> {
  let result: unknown;
  try {
    result = await runOperation(entities, operation);
  } catch (error) {
    if (operation.expectError) return checkError(operation.expectError, error);
    if (error instanceof MongoServerError) throw new Refused(`${operation.name}: ${error.message}`);
    throw error;
  }
  if (operation.expectError) throw new Mismatch(`${operation.name} succeeded; expected an error`);
  if (operation.expectResult !== undefined) match(operation.expectResult, result, operation.name);
}

function checkEvents(entities: Entities, expected: ExpectedEvents[]): void {
  for (const spec of expected) {
    if ((spec.eventType ?? 'command') !== 'command')
      throw new Error(`unsupported eventType ${spec.eventType}`);
    const actual = entities.events.get(spec.client) ?? [];
    const wanted = spec.events;
    const comparable = spec.ignoreExtraEvents ? actual.slice(0, wanted.length) : actual;
    if (comparable.length !== wanted.length) {
      const seen = actual.map((e) => e.commandName).join(',');
      throw new Mismatch(`events: ${wanted.length} expected, ${actual.length} seen (${seen})`);
    }
    wanted.forEach((event, i) => {
      const [kind, fields] = Object.entries(event)[0] as [string, Document];
      const seen = comparable[i] as RecordedEvent;
      if (seen.kind !== kind) throw new Mismatch(`event ${i}: ${kind} expected, ${seen.kind} seen`);
      // The command and the reply are root-level documents: they may carry fields not expected.
      for (const [key, value] of Object.entries(fields)) {
        const root = key === 'command' || key === 'reply';
        match(value, (seen as unknown as Record<string, unknown>)[key], `event[${i}].${key}`, root);
      }
    });
  }
}

async function checkOutcome(setup: MongoClient, outcome: CollectionData[]): Promise<void> {
  for (const { collectionName, databaseName, documents } of outcome) {
    const actual = await setup.db(databaseName).collection(collectionName).find().sort({ _id: 1 }).toArray();
    match(documents, actual, `outcome.${collectionName}`, false);
  }
}

/** Runs `test` of `file` on `uri`, with `setup` as the runner's own (unobserved) client. */
export async function runTest(
  uri: string,
  setup: MongoClient,
  file: UnifiedFile,
  test: UnifiedTest,
): Promise<Verdict> {
  await seed(setup, file);
  const entities = await createEntities(uri, file.createEntities ?? []);
  try {
    for (const operation of test.operations) await runOne(entities, operation);
    if (test.expectEvents) checkEvents(entities, test.expectEvents);
    if (test.outcome) await checkOutcome(setup, test.outcome);
    return { outcome: 'passed' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof Refused) return { outcome: 'refused', reason };
    return { outcome: 'failed', reason };
  } finally {
    await entities.close();
  }
}
