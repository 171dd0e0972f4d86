import type { Failure } from './failures.ts';
import type { Exchange } from './http-client.ts';
import type { DeclaredPromise } from './promise-model.ts';
import type { Operation, PushMessageSpec, PushSpec } from './spec-model.ts';

/** Why a case was sent, which decides what its response must look like. */
export type CaseKind = 'example' | 'positive' | 'negative' | 'auth' | 'flow';

/** Something that must never be seen again in a response (recalled content, a cleared id). */
export interface FreedMarker {
  readonly marker: string;
  readonly what: string;
}

/** One HTTP exchange of one operation. */
export interface ResponseInput {
  readonly kind: 'response';
  readonly operation: Operation;
  readonly exchange: Exchange;
  readonly caseKind: CaseKind;
  /** The status the document's example (or the flow step) says this request gets. */
  readonly expectedStatus?: number;
  readonly freed?: readonly FreedMarker[];
}

/** One frame received on a push connection. */
export interface PushFrameInput {
  readonly kind: 'push-frame';
  readonly push: PushSpec;
  readonly connection: string;
  readonly text: string;
}

/** The outcome of waiting for an event an `x-emits` operation promised. */
export interface PushExpectationInput {
  readonly kind: 'push-expectation';
  readonly operation: Operation;
  readonly event: string;
  readonly connection: string;
  /** Frames received on that connection; `wanted` decides which ones count. */
  readonly received: readonly unknown[];
  readonly entitled: boolean;
  readonly wanted: (event: unknown) => boolean;
  readonly exchange?: Exchange;
  /** The AsyncAPI message of `event` (its promises name the actor field). */
  readonly message?: PushMessageSpec;
  /** The push number of the user who acted; undefined when unknown (an administrator). */
  readonly actorNum?: number;
}

/** Every frame one connection received, judged when it closes (`push_exactly_once`). */
export interface PushConnectionInput {
  readonly kind: 'push-connection';
  readonly push: PushSpec;
  readonly connection: string;
  readonly frames: readonly unknown[];
}

/**
 * Observations a flow gathered for one stateful promise (pages of a cursor, a counter series, read
 * marks before and after, a retry): the check named by `promise.check` judges them.
 */
export interface PromiseInput {
  readonly kind: 'promise';
  readonly promise: DeclaredPromise;
  readonly observation: unknown;
}

/** One rule about the same message seen through two views: `right = left * scale` (± tolerance). */
export interface ConsistencyRule {
  readonly left: string;
  readonly right: string;
  readonly scale?: number;
  readonly tolerance?: number;
}

export interface ConsistencyInput {
  readonly kind: 'consistency';
  /** `view.field` -> value, e.g. `messages.sequence`, `imchat.msg_index`, `push.msg_id`. */
  readonly facts: Readonly<Record<string, unknown>>;
  readonly rules: readonly ConsistencyRule[];
  readonly subject: string;
}

export type CheckInput =
  | ResponseInput
  | PushFrameInput
  | PushExpectationInput
  | PushConnectionInput
  | ConsistencyInput
  | PromiseInput;

/**
 * Every check has this one signature: it looks at one input and returns the failures it sees
 * (none when the input is not its business).
 */
export type Check = (input: CheckInput) => readonly Failure[];

/** `variant:operationId`, the name reports use for an operation. */
export function operationLabel(operation: Operation): string {
  return `${operation.variant}:${operation.operationId}`;
}
