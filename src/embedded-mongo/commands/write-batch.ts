import type { Document } from 'bson';
import { asCommandError } from '../errors.ts';

/**
 * Runs the statements of a write command (insert, update, delete) with mongod's batch rules:
 * a failing statement becomes a `writeErrors` entry with its index; an ordered batch stops there.
 */
export function runStatements(
  statements: Document[],
  ordered: boolean,
  run: (statement: Document, index: number) => void,
): Document[] {
  const writeErrors: Document[] = [];
  for (const [index, statement] of statements.entries()) {
    try {
      run(statement, index);
    } catch (error) {
      writeErrors.push(asCommandError(error).toWriteError(index));
      if (ordered) break;
    }
  }
  return writeErrors;
}

/** Adds `writeErrors` to a write reply only when there are some. */
export function withWriteErrors(reply: Document, writeErrors: Document[]): Document {
  return writeErrors.length > 0 ? { ...reply, writeErrors } : reply;
}
