import type { Document } from 'bson';
import { CommandError } from '../errors.ts';

/**
 * The fields each command accepts, as MongoDB 8.0's IDL lists them. A field outside the list is
 * refused the way mongod refuses it (Location40415, "BSON field 'update.updates.sort' is an
 * unknown field."); a field mongod knows but this server does not implement is refused with
 * NotImplemented (238) naming it. Nothing is silently ignored, so no option can change what a
 * command means without the client hearing about it. Commands without an entry are not checked.
 */

/** Fields every command may carry: session, transaction, read/write concern, API version. */
const GENERIC = [
  '$db',
  'lsid',
  'txnNumber',
  '$clusterTime',
  '$readPreference',
  'readConcern',
  'writeConcern',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
  'comment',
  'maxTimeMS',
  '$client',
  'mayBypassWriteBlocking',
];

interface FieldRules {
  /** Fields implemented by the handler. */
  known: string[];
  /** Fields mongod 8.0 accepts that this server refuses with NotImplemented. */
  unimplemented?: string[];
  /** Array fields whose entries are checked too (`updates`, `deletes`). */
  statements?: Record<string, { known: string[]; unimplemented?: string[] }>;
}

const RULES: Record<string, FieldRules> = {
  find: {
    known: [
      'filter',
      'sort',
      'projection',
      'hint',
      'skip',
      'limit',
      'batchSize',
      'singleBatch',
      'tailable',
      'awaitData',
      'noCursorTimeout',
      'allowPartialResults',
      'oplogReplay',
      'collation',
      'let',
      'allowDiskUse',
      'readOnce',
    ],
    unimplemented: [
      'min',
      'max',
      'returnKey',
      'showRecordId',
      'requestResumeToken',
      'resumeAfter',
      '$_requestResumeToken',
      '$_resumeAfter',
    ],
  },
  aggregate: {
    known: [
      'pipeline',
      'cursor',
      'explain',
      'allowDiskUse',
      'bypassDocumentValidation',
      'collation',
      'hint',
      'let',
    ],
  },
  count: { known: ['query', 'limit', 'skip', 'hint', 'collation', 'fields'] },
  distinct: { known: ['key', 'query', 'collation', 'hint'] },
  insert: { known: ['documents', 'ordered', 'bypassDocumentValidation'] },
  update: {
    known: ['updates', 'ordered', 'bypassDocumentValidation', 'let'],
    statements: {
      updates: {
        known: [
          'q',
          'u',
          'c',
          'upsert',
          'multi',
          'arrayFilters',
          'hint',
          'collation',
          'upsertSupplied',
          'sort',
        ],
      },
    },
  },
  delete: {
    known: ['deletes', 'ordered', 'let'],
    statements: { deletes: { known: ['q', 'limit', 'hint', 'collation'] } },
  },
  findAndModify: {
    known: [
      'query',
      'sort',
      'remove',
      'update',
      'new',
      'fields',
      'upsert',
      'bypassDocumentValidation',
      'collation',
      'arrayFilters',
      'hint',
      'let',
    ],
  },
  // The client-level bulkWrite (8.0); bulk-write.ts checks each op's fields against its kind.
  bulkWrite: {
    known: ['ops', 'nsInfo', 'ordered', 'errorsOnly', 'bypassDocumentValidation', 'let', 'cursor'],
    statements: {
      nsInfo: {
        known: ['ns'],
        unimplemented: ['collectionUUID', 'encryptionInformation', 'isTimeseriesNamespace'],
      },
    },
  },
  getMore: { known: ['collection', 'batchSize'] },
  killCursors: { known: ['cursors'] },
  create: {
    known: ['capped', 'size', 'max', 'viewOn', 'pipeline'],
    unimplemented: [
      'validator',
      'validationLevel',
      'validationAction',
      'collation',
      'storageEngine',
      'indexOptionDefaults',
      'timeseries',
      'expireAfterSeconds',
      'clusteredIndex',
      'changeStreamPreAndPostImages',
      'encryptedFields',
      'idIndex',
      'autoIndexId',
      'flags',
      'temp',
    ],
  },
  collMod: {
    known: [],
    unimplemented: [
      'validator',
      'validationLevel',
      'validationAction',
      'index',
      'viewOn',
      'pipeline',
      'expireAfterSeconds',
      'changeStreamPreAndPostImages',
      'timeseries',
      'clusteredIndex',
      'cappedSize',
      'cappedMax',
      'recordPreImages',
      'dryRun',
      'prepareUnique',
      'unique',
    ],
  },
  createIndexes: { known: ['indexes', 'commitQuorum'] },
  drop: { known: [] },
  dropDatabase: { known: [] },
  dropIndexes: { known: ['index'] },
  listIndexes: { known: ['cursor'] },
  listCollections: { known: ['filter', 'nameOnly', 'authorizedCollections', 'cursor'] },
  listDatabases: { known: ['filter', 'nameOnly', 'authorizedDatabases'] },
  explain: { known: ['explain', 'verbosity'] },
};

interface FieldSets {
  known: ReadonlySet<string>;
  unimplemented: ReadonlySet<string>;
}

function sets(known: string[], unimplemented: string[] = []): FieldSets {
  return { known: new Set(known), unimplemented: new Set(unimplemented) };
}

/** The rules as sets, built once: every command pays a lookup per field, nothing more. */
const COMPILED = new Map(
  Object.entries(RULES).map(([name, rules]) => [
    name,
    {
      command: sets([...GENERIC, ...rules.known], rules.unimplemented),
      statements: Object.entries(rules.statements ?? {}).map(
        ([field, statement]) => [field, sets(statement.known, statement.unimplemented)] as const,
      ),
    },
  ]),
);

function check(path: string, doc: Document, fields: FieldSets, skipFirst: boolean): void {
  for (const [i, field] of Object.keys(doc).entries()) {
    if ((skipFirst && i === 0) || fields.known.has(field)) continue;
    if (fields.unimplemented.has(field)) {
      throw new CommandError(238, `The embedded server does not implement '${path}.${field}'`);
    }
    throw new CommandError(40415, `BSON field '${path}.${field}' is an unknown field.`);
  }
}

/**
 * Refuses any field of `command` (or of its statements) that the command does not implement.
 * A transaction (`startTransaction`, `autocommit`) is refused on every command: the writes would
 * otherwise apply at once, and neither commit nor abort could be honoured.
 */
export function checkCommandFields(name: string, command: Document): void {
  if (command.startTransaction !== undefined || command.autocommit !== undefined) {
    throw new CommandError(238, 'The embedded server does not implement multi-document transactions');
  }
  const rules = COMPILED.get(name);
  if (!rules) return;
  check(name, command, rules.command, true);
  for (const [field, fields] of rules.statements) {
    const entries = command[field];
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (entry && typeof entry === 'object') check(`${name}.${field}`, entry as Document, fields, false);
    }
  }
}
