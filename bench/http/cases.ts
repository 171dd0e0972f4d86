import type { Target } from './load.ts';
import type { StoreOp } from './protocol.ts';
import { type Fixture, PAGE } from './store-ops.ts';

/** One gateway route of figure (a) and the store-loop operation it is compared with. */
export interface RouteCase {
  readonly name: string;
  readonly storeOp: StoreOp;
  target(port: number, token: string, fixture: Fixture): Target;
}

let sent = 0;

/** A random anchor such that the 50 messages after it are all seeded. */
function anchor(fixture: Fixture): number {
  return Math.floor(Math.random() * (fixture.seeded - PAGE));
}

/** `/message/send`, `/im.chat/send`, `/im.chat/pull` (50) and `/message/list` (50), in that order. */
export const ROUTE_CASES: readonly RouteCase[] = [
  {
    name: 'POST /message/send',
    storeOp: 'send',
    target: (port, token, f) => ({
      port,
      token,
      path: '/message/send',
      body: () => JSON.stringify({ id: `bench_${sent++}`, chat_id: f.chatId, content: 'benchmark message' }),
    }),
  },
  {
    name: 'POST /im.chat/send',
    storeOp: 'send',
    target: (port, token, f) => ({
      port,
      token,
      path: '/im.chat/send',
      body: () => JSON.stringify({ target: f.chatId, target_type: 'group', msg: 'benchmark message' }),
    }),
  },
  {
    name: 'POST /im.chat/pull (50)',
    storeOp: 'read',
    target: (port, token, f) => ({
      port,
      token,
      path: '/im.chat/pull',
      body: () =>
        JSON.stringify({
          target: f.chatId,
          target_type: 'group',
          direction: 'after',
          start_msg_index: anchor(f) + 1,
          count: PAGE,
        }),
    }),
  },
  {
    name: 'POST /message/list (50)',
    storeOp: 'read',
    target: (port, token, f) => ({
      port,
      token,
      path: '/message/list',
      body: () => JSON.stringify({ chat_id: f.chatId, sequence: anchor(f), direction: 'down', count: PAGE }),
    }),
  },
];

/** The body of figure (b): a valid `SendRequest`. */
export function imchatSendTarget(port: number): Target {
  return {
    port,
    path: '/im.chat/send',
    body: () => JSON.stringify({ target: 's_a7be32fecc0b2015', target_type: 'group', msg: 'hello everyone' }),
  };
}
