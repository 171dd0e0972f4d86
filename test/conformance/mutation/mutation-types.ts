/** What the proxy remembers across exchanges (sent contents, call counts, a good push credential). */
export interface WireMemory {
  readonly calls: Map<string, number>;
  readonly facts: Map<string, unknown>;
}

/** One HTTP answer as the proxy sees it. */
export interface AnswerContext {
  readonly path: string;
  readonly request: unknown;
  readonly raw: Buffer;
  readonly answer: unknown;
  readonly memory: WireMemory;
}

/**
 * One wire-level breach of one promise: rewrite 2xx JSON answers (return undefined to pass one
 * through), turn one push frame into zero, one or several, broadcast frames to every
 * connection, or open the channel with a remembered good credential when the server refuses one.
 */
export interface Mutation {
  readonly name: string;
  /** The promise this mutation breaks (its `id` in the documents). */
  readonly promise: string;
  /** The check that must report it. */
  readonly check: string;
  readonly phases: readonly ('stateful' | 'push' | 'consistency')[];
  answer?(ctx: AnswerContext): unknown;
  frame?(text: string, memory: WireMemory): string[];
  readonly broadcast?: boolean;
  credentials?(memory: WireMemory): { url: string; headers: Record<string, string> } | undefined;
}
