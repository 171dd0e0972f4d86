import type { Fixture } from './store-ops.ts';

/**
 * What the server child runs: the full gateway; the minimal ceiling servers (`minimal-server.ts`)
 * on the same driver and store; the imchatSend route with and without zod validation; a Hono or a
 * raw `node:http` hello world.
 */
export type ServerMode = 'gateway' | 'minimal' | 'validated' | 'plain' | 'hono-hello' | 'node-hello';

/** Parent -> child: report the CPU time used so far. */
export interface CpuCommand {
  readonly type: 'cpu';
}

/** Child -> parent. */
export type ServerReply =
  | { readonly type: 'ready'; readonly port: number; readonly token: string; readonly fixture: Fixture }
  | { readonly type: 'cpu'; readonly micros: number };
