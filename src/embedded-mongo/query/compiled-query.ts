import type { Document } from 'bson';
import { Query as GeneralQuery } from 'mingo';
import { Context } from 'mingo/core';
import * as accumulator from 'mingo/operators/accumulator';
import * as expression from 'mingo/operators/expression';
import * as pipeline from 'mingo/operators/pipeline';
import * as projection from 'mingo/operators/projection';
import * as query from 'mingo/operators/query';
import * as window from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';

/** An instance of mingo's options class: `update` sets its per-call locals. */
type OptionsInstance = Options & { update(locals: Record<string, unknown>): OptionsInstance };
type OptionsFactory = { init(options: Partial<Options>): OptionsInstance };

/**
 * mingo's options class, which its package does not export: a probe operator receives an instance.
 * `new Query` copies every operator table (hundreds of expression operators) into a fresh context
 * unless it is given such an instance, which it shares; that copy was a fixed cost of every query.
 */
function optionsClass(): OptionsFactory {
  let seen: object | undefined;
  const probe = (_selector: string, _value: unknown, options: Options) => {
    seen = options;
    return () => true;
  };
  new Query({ field: { $probe: 1 } }, { context: Context.init({ query: { $probe: probe } }) });
  if (!seen) throw new Error('mingo did not hand its options to a query operator');
  return seen.constructor as unknown as OptionsFactory;
}

const OPTIONS = optionsClass();

/** The options every query without `let` variables shares: mingo's full operator set, built once. */
const SHARED = OPTIONS.init({
  context: Context.init({ accumulator, expression, pipeline, projection, query, window }),
});

/** Options over the shared operator set with per-call locals (what mingo's update operators read). */
export function sharedOptions(locals: Record<string, unknown>): Options {
  return OPTIONS.init(SHARED).update(locals);
}

/** A compiled mingo query (all operators), without copying the operator tables when there are no variables. */
export function compileQuery(condition: Document, variables?: Document): Query {
  return variables ? new GeneralQuery(condition, { variables }) : new Query(condition, SHARED);
}
