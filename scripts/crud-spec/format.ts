import type {
  AnyBulkWriteOperation,
  CollectionOptions,
  CreateCollectionOptions,
  DbOptions,
  Document,
  Filter,
  IndexSpecification,
  MongoClientOptions,
  OptionalId,
  UpdateFilter,
} from 'mongodb';

/**
 * The parts of the unified test format (source/unified-test-format/unified-test-format.md) that
 * the CRUD tests use, typed, so the runner reads the JSON through these shapes only.
 */

export interface ClientEntity {
  id: string;
  uriOptions?: MongoClientOptions;
  observeEvents?: string[];
  ignoreCommandMonitoringEvents?: string[];
}

export interface EntitySpec {
  client?: ClientEntity;
  database?: { id: string; client: string; databaseName: string; databaseOptions?: DbOptions };
  collection?: {
    id: string;
    database: string;
    collectionName: string;
    collectionOptions?: CollectionOptions;
  };
}

/** Operation arguments: the named inputs, everything else is an option passed to the driver. */
export interface Arguments {
  filter?: Filter<Document>;
  pipeline?: Document[];
  requests?: AnyBulkWriteOperation[];
  update?: UpdateFilter<Document> | Document[];
  replacement?: Document;
  document?: OptionalId<Document>;
  documents?: OptionalId<Document>[];
  fieldName?: string;
  keys?: IndexSpecification;
  collection?: string;
  command?: Document;
  /** Client bulk write models as the format writes them: `{insertOne: {namespace, document}}`. */
  models?: Array<Record<string, Document>>;
  client?: string;
  failPoint?: Document & { configureFailPoint: string };
  [option: string]: unknown;
}

export interface ExpectedError {
  isError?: boolean;
  isClientError?: boolean;
  errorCode?: number;
  errorCodeName?: string;
  errorContains?: string;
  errorResponse?: Document;
  expectResult?: unknown;
  /** Client bulk write: the write errors by model index, and the write concern errors. */
  writeErrors?: Record<string, Document>;
  writeConcernErrors?: Document[];
}

export interface Operation {
  name: string;
  object: string;
  arguments?: Arguments;
  expectResult?: unknown;
  expectError?: ExpectedError;
}

export interface ExpectedEvents {
  client: string;
  eventType?: string;
  ignoreExtraEvents?: boolean;
  events: Array<Record<string, Document>>;
}

export interface CollectionData {
  collectionName: string;
  databaseName: string;
  documents: Document[];
  createOptions?: CreateCollectionOptions;
}

export interface Requirement {
  minServerVersion?: string;
  maxServerVersion?: string;
  topologies?: string[];
  serverless?: string;
  auth?: boolean;
  csfle?: boolean;
}

export interface UnifiedTest {
  description: string;
  skipReason?: string;
  runOnRequirements?: Requirement[];
  operations: Operation[];
  expectEvents?: ExpectedEvents[];
  outcome?: CollectionData[];
}

export interface UnifiedFile {
  description: string;
  runOnRequirements?: Requirement[];
  createEntities?: EntitySpec[];
  initialData?: CollectionData[];
  tests: UnifiedTest[];
}
