import type { RateResult } from './load.ts';
import type { Fixture } from './store-ops.ts';

/**
 * What the server child runs: the full gateway; the store-layer loop (no HTTP); the imchatSend
 * route with and without zod validation; a Hono or a raw `node:http` hello world.
 */
export type ServerMode = 'gateway' | 'store' | 'validated' | 'plain' | 'hono-hello' | 'node-hello';

/** The store loop's operations: one send, or one 50-message page (pull and list alike). */
export type StoreOp = 'send' | 'read';

/** Parent -> child (store mode only): run `op` with `concurrency` workers. */
export interface LoopCommand {
  readonly type: 'loop';
  readonly op: StoreOp;
  readonly concurrency: number;
  readonly seconds: number;
  readonly warmup: number;
}

/** Child -> parent. */
export type ServerReply =
  | { readonly type: 'ready'; readonly port: number; readonly token: string; readonly fixture: Fixture }
  | { readonly type: 'looped'; readonly result: RateResult };
