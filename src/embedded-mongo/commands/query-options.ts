import type { Document } from 'bson';
import { type Collation, parseCollation } from '../query/collation.ts';
import type { Collection } from '../storage/collection.ts';
import { CommandError } from '../errors.ts';
import { checkHint } from './hint.ts';
import { letVariables } from './let-variables.ts';
import { isView } from './views.ts';

/** The options that change how a command's filter is evaluated, read once per command. */
export interface QueryOptions {
  variables?: Document;
  collation?: Collation;
}

/**
 * Reads `let`, `collation` and `hint` from a command (or a write statement) for `collection`:
 * the hint is checked against its indexes, the collation parsed, the variables evaluated.
 * `scopes` are extra variable documents (a command's `let` for a statement, its `c`).
 */
export function queryOptions(
  collection: Collection | undefined,
  source: Document,
  ...scopes: unknown[]
): QueryOptions {
  if (isView(collection) && source.collation !== undefined && source.collation !== null) {
    throw new CommandError(167, "Cannot override a view's default collation");
  }
  checkHint(collection, source.hint);
  const options: QueryOptions = {};
  const variables = letVariables(...scopes, source.let);
  if (variables) options.variables = variables;
  const collation = parseCollation(source.collation);
  if (collation) options.collation = collation;
  return options;
}
