import type { ConsistencyRule } from './check-types.ts';
import type { FixtureSet } from './fixture-types.ts';
import type { Exchange } from './http-client.ts';
import type { DeclaredPromise } from './promise-model.ts';

/** How a flow step is called and, in the push phase, who must hear about it. */
export interface CallOptions {
  /** Actor name or `admin`; default: the operation's role in the fixtures (`owner`). */
  readonly as?: string;
  /** The status the step must get (default: any 2xx). */
  readonly expect?: number;
  /** Fixture chat the step acts on: events are matched by its `num` (push `chat_id`). */
  readonly chat?: string;
  /** Actors entitled to the step's events; default: every member of `chat`. */
  readonly audience?: readonly string[];
  /** What the step is about, appended to its case label (`stateful getUser: unknown user`). */
  readonly label?: string;
  /** Path parameters (`{chat_id}`) of the step. */
  readonly pathParams?: Readonly<Record<string, string>>;
}

export interface CallResult {
  readonly status: number;
  readonly json: unknown;
  readonly exchange: Exchange;
}

/** What a declared flow can do; the engine implements it for the stateful, push and consistency phases. */
export interface FlowRuntime {
  readonly fixtures: FixtureSet;
  has(operationId: string): boolean;
  /** A value unique to this run (client ids, content markers). */
  unique(prefix: string): string;
  call(operationId: string, body: unknown, options?: CallOptions): Promise<CallResult>;
  /** From now on, `marker` must never be in a 2xx response (use_after_free). */
  free(marker: string, what: string): void;
  /** Parsed frames received so far by an actor's push connection (push and consistency phases). */
  events(actor: string): readonly unknown[];
  /** Waits until an actor's connection holds a frame satisfying `match`, or the push deadline passes. */
  waitForEvent(actor: string, match: (event: unknown) => boolean): Promise<unknown>;
  /** The promises `owner` (an operationId, or `push`) declares for `check`; [] when not under test. */
  promises(owner: string, check: string): readonly DeclaredPromise[];
  /** Runs the check of a stateful promise on what the flow observed (pages, marks, a retry). */
  judge(promise: DeclaredPromise, observation: unknown): void;
  consistent(
    subject: string,
    facts: Readonly<Record<string, unknown>>,
    rules: readonly ConsistencyRule[],
  ): void;
}

/**
 * A declared flow (`conformance/flows/*.ts`): a scripted use of several operations. Flows are the
 * spec-aware part of the suite; the engine only runs them.
 */
export interface Flow {
  readonly name: string;
  readonly phases: readonly ('stateful' | 'push' | 'consistency')[];
  /** operationIds the flow needs; a flow whose operations are not all under test is skipped. */
  readonly requires: readonly string[];
  run(rt: FlowRuntime): Promise<void>;
}

/** Reads `a.b.0.c` out of a JSON value. */
export function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (node === null || typeof node !== 'object') return undefined;
    return (node as Record<string, unknown>)[key];
  }, value);
}
