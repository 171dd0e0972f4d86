import type { Document } from 'bson';
import { Aggregator } from 'mingo';
import { CommandError } from '../errors.ts';

/**
 * Evaluates a command's `let` document (constants or expressions, MongoDB 5.0+) into the
 * variables that `$$name` reads in `$expr`, pipelines and pipeline updates. Names follow
 * mongod's rule: a user variable starts with a lowercase letter or a non-ASCII character.
 */
export function letVariables(...sources: unknown[]): Document | undefined {
  let variables: Document | undefined;
  for (const source of sources) {
    if (source === undefined || source === null) continue;
    if (typeof source !== 'object' || Array.isArray(source)) {
      throw new CommandError(14, "BSON field 'let' is the wrong type, expected type 'object'");
    }
    for (const name of Object.keys(source)) {
      if (!/^[a-z\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*$/.test(name)) {
        throw new CommandError(2, `'${name}' starts with an invalid character for a user variable name`);
      }
    }
    const [evaluated] = new Aggregator([{ $replaceWith: source }], { variables }).run<Document>([{}]);
    variables = { ...variables, ...evaluated };
  }
  return variables;
}
