import type { Document } from 'bson';
import { CommandError } from '../errors.ts';
import type { Collection } from '../storage/collection.ts';
import type { Engine } from '../storage/engine.ts';
import { selectRecords } from '../storage/query-exec.ts';
import { collectionName, optionalBoolean, optionalDocument, optionalNumber, requiredArray } from './args.ts';
import type { CommandHandler } from './context.ts';
import { queryOptions } from './query-options.ts';
import { refuseView } from './views.ts';
import { runStatements, withWriteErrors } from './write-batch.ts';

/**
 * Runs one delete statement (`{q, limit, hint, collation}`) with `command`'s `let` and returns
 * how many documents it removed; a missing collection removes nothing.
 */
export function runDelete(
  engine: Engine,
  collection: Collection | undefined,
  statement: Document,
  command: Document,
): number {
  const limit = optionalNumber(statement, 'limit') ?? 0;
  if (limit !== 0 && limit !== 1)
    throw new CommandError(9, `The limit field in delete objects must be 0 or 1. Got ${limit}`);
  const options = queryOptions(collection, statement, command.let);
  if (!collection) return 0;
  const filter = optionalDocument(statement, 'q') ?? {};
  const { matches } = selectRecords(collection, { filter, limit, ...options });
  for (const { rid } of matches) engine.remove(collection, rid);
  return matches.length;
}

/** `delete`: each statement removes every match (`limit: 0`) or the first one (`limit: 1`). */
export const deleteCommands: Record<string, CommandHandler> = {
  delete: function deleteCommand(command, { engine, db }) {
    const statements = requiredArray(command, 'deletes');
    const collection = engine.collection(db, collectionName(command));
    refuseView(collection);
    let n = 0;
    const writeErrors = runStatements(
      statements,
      optionalBoolean(command, 'ordered') ?? true,
      (statement) => {
        n += runDelete(engine, collection, statement, command);
      },
    );
    return withWriteErrors({ n }, writeErrors);
  },
};
