import type { Document } from 'bson';
import { ArraySource } from '../cursors/cursor-store.ts';
import { asCommandError, CommandError } from '../errors.ts';
import type { Engine } from '../storage/engine.ts';
import { typedOf } from '../wire/raw-documents.ts';
import { optionalBoolean, optionalCount, optionalDocument, requiredArray, wrongType } from './args.ts';
import type { CommandHandler } from './context.ts';
import { runDelete } from './delete.ts';
import { insertDocument } from './insert.ts';
import { refuseSortWithMulti, runUpdate, type UpdateCounts } from './update.ts';
import { refuseView, writableCollection } from './views.ts';

/**
 * The client-level `bulkWrite` of MongoDB 8.0 (run on `admin`): inserts, updates and deletes
 * across namespaces (`nsInfo`), each op run by the same code as the single-collection insert,
 * update and delete commands, so journaling, indexes, capped collections, change streams and
 * tailable cursors see exactly the same writes. The reply is a cursor of per-op results (all in
 * the first batch unless `cursor.batchSize` or the reply size limit says otherwise) and the
 * summary counts.
 * https://www.mongodb.com/docs/manual/reference/command/bulkWrite/
 */

type OpKind = 'insert' | 'update' | 'delete';

/** Each op's fields, as mongod 8.0's IDL lists them (strict: anything else fails the command). */
const OP_FIELDS: Record<OpKind, { known: ReadonlySet<string>; unimplemented: ReadonlySet<string> }> = {
  insert: { known: new Set(['insert', 'document']), unimplemented: new Set() },
  update: {
    known: new Set([
      'update',
      'filter',
      'multi',
      'updateMods',
      'upsert',
      'arrayFilters',
      'hint',
      'constants',
      'collation',
      'sort',
    ]),
    unimplemented: new Set(['upsertSupplied', 'return', 'returnFields']),
  },
  delete: {
    known: new Set(['delete', 'filter', 'multi', 'hint', 'collation']),
    unimplemented: new Set(['sort', 'return', 'returnFields']),
  },
};

/** The fields each op must carry, in the order a missing one is reported. */
const REQUIRED_FIELDS: Record<OpKind, readonly string[]> = {
  insert: ['document'],
  update: ['updateMods', 'filter'],
  delete: ['filter'],
};

const MAX_OPS = 100_000;
/** The namespace of the reply's cursor (a getMore names collection `$cmd.bulkWrite` on admin). */
const NS = 'admin.$cmd.bulkWrite';

interface ParsedOp {
  kind: OpKind;
  op: Document;
  db: string;
  coll: string;
}

interface Summary {
  nErrors: number;
  nInserted: number;
  nMatched: number;
  nModified: number;
  nUpserted: number;
  nDeleted: number;
}

function opKind(op: Document, index: number): OpKind {
  const first = Object.keys(op)[0];
  if (first === 'insert' || first === 'update' || first === 'delete') return first;
  throw new CommandError(
    40414,
    `BSON field 'bulkWrite.ops.${index}' is missing a required field: insert, update or delete`,
  );
}

/** The BSON type each op field must have (`updateMods` may also be a pipeline). */
const FIELD_TYPES: Record<string, 'object' | 'bool' | 'array'> = {
  document: 'object',
  filter: 'object',
  updateMods: 'object',
  sort: 'object',
  collation: 'object',
  constants: 'object',
  multi: 'bool',
  upsert: 'bool',
  arrayFilters: 'array',
};

function hasType(value: unknown, type: 'object' | 'bool' | 'array'): boolean {
  if (type === 'bool') return typeof value === 'boolean' || typeof value === 'number';
  if (type === 'array') return Array.isArray(value);
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkOpFields(kind: OpKind, op: Document): void {
  const fields = OP_FIELDS[kind];
  for (const field of Object.keys(op)) {
    const type = FIELD_TYPES[field];
    const pipeline = field === 'updateMods' && Array.isArray(op[field]);
    if (type && !pipeline && !hasType(op[field], type))
      throw wrongType(`bulkWrite.ops.${field}`, op[field], type);
    if (fields.known.has(field)) continue;
    if (fields.unimplemented.has(field)) {
      throw new CommandError(238, `The embedded server does not implement 'bulkWrite.ops.${field}'`);
    }
    throw new CommandError(40415, `BSON field 'bulkWrite.ops.${field}' is an unknown field.`);
  }
  for (const required of REQUIRED_FIELDS[kind]) {
    if (op[required] === undefined) {
      throw new CommandError(40414, `BSON field 'bulkWrite.ops.${required}' is missing but a required field`);
    }
  }
}

function splitNamespace(entry: Document): [string, string] {
  const ns = entry.ns;
  const dot = typeof ns === 'string' ? ns.indexOf('.') : -1;
  if (typeof ns !== 'string' || dot <= 0 || dot === ns.length - 1) {
    throw new CommandError(73, `Invalid namespace specified '${String(ns)}'`);
  }
  return [ns.slice(0, dot), ns.slice(dot + 1)];
}

/** The whole request is checked before any op runs, as mongod parses it first. */
function parseOps(command: Document): ParsedOp[] {
  const ops = requiredArray(command, 'ops');
  const namespaces = requiredArray(command, 'nsInfo').map(splitNamespace);
  if (ops.length < 1 || ops.length > MAX_OPS) {
    throw new CommandError(
      342,
      `Write batch sizes must be between 1 and ${MAX_OPS}. Got ${ops.length} operations.`,
    );
  }
  return ops.map((op, index) => {
    const kind = opKind(op, index);
    checkOpFields(kind, op);
    if (kind === 'update') refuseSortWithMulti([op]);
    const nsIndex = op[kind] as unknown;
    if (typeof nsIndex !== 'number' || !Number.isInteger(nsIndex))
      throw wrongType(`bulkWrite.ops.${kind}`, nsIndex, 'int');
    const target = namespaces[nsIndex];
    if (!target) {
      throw new CommandError(2, `BulkWrite ops entry ${JSON.stringify(op)} has an invalid nsInfo index.`);
    }
    return { kind, op, db: target[0], coll: target[1] };
  });
}

/** An update op as the update command's statement (`q`, `u`, `c`, …). */
function updateStatement(op: Document): Document {
  const statement: Document = { q: op.filter, u: op.updateMods };
  for (const [from, to] of [
    ['constants', 'c'],
    ['multi', 'multi'],
    ['upsert', 'upsert'],
    ['arrayFilters', 'arrayFilters'],
    ['hint', 'hint'],
    ['collation', 'collation'],
    ['sort', 'sort'],
  ] as const) {
    if (op[from] !== undefined) statement[to] = op[from];
  }
  return statement;
}

/** Runs one op and returns its success item; throws what the single-collection command would. */
function runOp(engine: Engine, parsed: ParsedOp, idx: number, command: Document, summary: Summary): Document {
  const { kind, op, db, coll } = parsed;
  if (kind === 'insert') {
    const document = optionalDocument(op, 'document') as Document;
    insertDocument(engine, writableCollection(engine, db, coll), document);
    summary.nInserted++;
    return { ok: 1, idx, n: 1 };
  }
  if (kind === 'update') {
    const collection = writableCollection(engine, db, coll);
    const counts: UpdateCounts = { n: 0, nModified: 0, upserted: [] };
    // The typed decode of the op (its `updateMods`) gives written numbers the client's types.
    const typed = (): Record<string, unknown> | undefined => {
      const decoded = typedOf(op);
      return decoded && { u: decoded.updateMods };
    };
    runUpdate(engine, collection, updateStatement(op), 0, counts, command, typed);
    summary.nModified += counts.nModified;
    const upserted = counts.upserted[0];
    if (upserted) summary.nUpserted++;
    else summary.nMatched += counts.n;
    const item: Document = { ok: 1, idx, n: counts.n, nModified: counts.nModified };
    if (upserted) item.upserted = { index: 0, _id: upserted._id };
    return item;
  }
  const collection = engine.collection(db, coll);
  refuseView(collection);
  const limit = optionalBoolean(op, 'multi') ? 0 : 1;
  const statement: Document = { q: op.filter, limit };
  if (op.hint !== undefined) statement.hint = op.hint;
  if (op.collation !== undefined) statement.collation = op.collation;
  const n = runDelete(engine, collection, statement, command);
  summary.nDeleted += n;
  return { ok: 1, idx, n };
}

/** A failed op's item: the error as a write command reports it (E11000 with keyPattern/keyValue). */
function errorItem(kind: OpKind, idx: number, error: unknown): Document {
  const { index: _index, ...rest } = asCommandError(error).toWriteError(idx);
  const item: Document = { ok: 0, idx, ...rest };
  if (kind !== 'insert') item.n = 0;
  if (kind === 'update') item.nModified = 0;
  return item;
}

export const bulkWriteCommands: Record<string, CommandHandler> = {
  bulkWrite: function bulkWrite(command, { engine, cursors, db }) {
    if (db !== 'admin') throw new CommandError(13, 'bulkWrite may only be run against the admin database.');
    const ops = parseOps(command);
    const ordered = optionalBoolean(command, 'ordered') ?? true;
    const errorsOnly = optionalBoolean(command, 'errorsOnly') ?? false;
    const summary: Summary = {
      nErrors: 0,
      nInserted: 0,
      nMatched: 0,
      nModified: 0,
      nUpserted: 0,
      nDeleted: 0,
    };
    const items: Document[] = [];
    for (const [idx, parsed] of ops.entries()) {
      try {
        const item = runOp(engine, parsed, idx, command, summary);
        if (!errorsOnly) items.push(item);
      } catch (error) {
        summary.nErrors++;
        items.push(errorItem(parsed.kind, idx, error));
        if (ordered) break;
      }
    }
    // Results past `cursor.batchSize` (or past the reply size limit) are served by getMore.
    const batchSize = optionalCount(optionalDocument(command, 'cursor') ?? {}, 'batchSize');
    const { id, batch } = cursors.first(NS, new ArraySource(items), batchSize ?? Number.POSITIVE_INFINITY);
    return { cursor: { id, firstBatch: batch, ns: NS }, ...summary };
  },
};
