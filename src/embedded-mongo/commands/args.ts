import { type Document, Long } from 'bson';
import { CommandError } from '../errors.ts';

/**
 * Typed readers for command fields. They fail the way mongod's IDL parser does (TypeMismatch,
 * code 14, "BSON field 'find.filter' is the wrong type …"), so drivers and tools see familiar errors.
 */

function bsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (typeof value === 'object')
    return (value as { _bsontype?: string })._bsontype?.toLowerCase() ?? 'object';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

/** TypeMismatch for the field at `path` (`bulkWrite.ops.filter`). */
export function wrongType(path: string, value: unknown, expected: string): CommandError {
  return new CommandError(
    14,
    `BSON field '${path}' is the wrong type '${bsonTypeName(value)}', expected type '${expected}'`,
  );
}

function mismatch(command: Document, field: string, value: unknown, expected: string): CommandError {
  return wrongType(`${Object.keys(command)[0] ?? 'command'}.${field}`, value, expected);
}

/** The collection named by the command's first field (`{find: "messages"}`). */
export function collectionName(command: Document): string {
  const [name, value] = Object.entries(command)[0] ?? [];
  if (typeof value !== 'string' || value.length === 0) {
    throw new CommandError(73, `collection name has invalid type ${bsonTypeName(value)} in ${name} command`);
  }
  return value;
}

export function optionalDocument(command: Document, field: string): Document | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw mismatch(command, field, value, 'object');
  return value as Document;
}

export function optionalNumber(command: Document, field: string): number | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (value instanceof Long) return value.toNumber();
  if (typeof value === 'bigint') return Number(value);
  throw mismatch(command, field, value, 'long');
}

/** A non-negative count such as `skip`, `limit` or `batchSize` (BadValue when negative). */
export function optionalCount(command: Document, field: string): number | undefined {
  const value = optionalNumber(command, field);
  if (value !== undefined && (value < 0 || !Number.isFinite(value))) {
    throw new CommandError(2, `${field} value must be non-negative, but received: ${value}`);
  }
  return value;
}

export function optionalBoolean(command: Document, field: string): boolean | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  throw mismatch(command, field, value, 'bool');
}

export function requiredArray(command: Document, field: string): Document[] {
  const value = command[field];
  const name = Object.keys(command)[0] ?? 'command';
  if (value === undefined) {
    throw new CommandError(40414, `BSON field '${name}.${field}' is missing but a required field`);
  }
  if (!Array.isArray(value)) throw mismatch(command, field, value, 'array');
  for (const item of value) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw mismatch(command, `${field}.0`, item, 'object');
    }
  }
  return value as Document[];
}
