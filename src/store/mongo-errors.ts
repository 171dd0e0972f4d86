import { MongoServerError } from 'mongodb';

/** MongoDB's duplicate key code: a unique index refused a write. */
const DUPLICATE_KEY = 11000;
/**
 * The key fields of the unique index that refused a write (`keyPattern`, which MongoDB and the
 * embedded server both report; older servers only name the index in the message).
 */
export function duplicateKeyFields(error: unknown): string[] {
  if (!isDuplicateKey(error)) return [];
  const pattern = (error as MongoServerError & { keyPattern?: Record<string, unknown> }).keyPattern;
  if (pattern) return Object.keys(pattern);
  return duplicateKeyFieldsOf((error as Error).message);
}

/** The key fields of the refusing unique index from the message alone (`index: chat_seq_unique`). */
function duplicateKeyFieldsOf(message: string): string[] {
  const index = /index: (\S+)/.exec(message)?.[1] ?? '';
  return index.includes('seq') ? ['chatId', 'seq'] : index.includes('client') ? ['clientId'] : [];
}

/** A collection that `create` was asked for exists already. */
const NAMESPACE_EXISTS = 48;

/** True when a unique index refused the write (how the store detects "already taken"). */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** True when `createCollection` failed only because the collection exists (start-up is idempotent). */
export function isNamespaceExists(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === NAMESPACE_EXISTS;
}

/**
 * Runs an upsert once more when two writers raced to insert the same `_id`: the loser's retry then
 * finds the winner's document and updates it.
 */
export async function retryOnDuplicate<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return operation();
  }
}
