import { type Document, ObjectId } from 'bson';
import { CommandError } from '../errors.ts';
import { firstValueAtPath } from './key-paths.ts';
import type { OrderedIndex } from './ordered-index.ts';

function formatValue(value: unknown): string {
  if (value === undefined) return 'null';
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- only primitives reach here: objects are rendered above
  return String(value);
}

/**
 * MongoDB's E11000 error for `doc` colliding in `index`: same message text, and the `keyPattern`
 * and `keyValue` fields that the driver copies onto MongoServerError / write errors.
 */
export function duplicateKeyError(ns: string, index: OrderedIndex, doc: Document): CommandError {
  const keyValue: Document = {};
  for (const [field] of index.fields) keyValue[field] = firstValueAtPath(doc, field) ?? null;
  const shown = Object.entries(keyValue)
    .map(([field, value]) => `${field}: ${formatValue(value)}`)
    .join(', ');
  return new CommandError(
    11000,
    `E11000 duplicate key error collection: ${ns} index: ${index.name} dup key: { ${shown} }`,
    {
      keyPattern: index.definition.key,
      keyValue,
    },
  );
}
