import type { Target } from './load.ts';
import { type Fixture, PAGE } from './store-ops.ts';

/** The ceiling operation a gateway route is compared with (`minimal-server.ts`). */
export type CeilingOp = 'send' | 'read';

/** One gateway route and the minimal server's operation it is compared with. */
export interface RouteCase {
  readonly name: string;
  readonly ceiling: CeilingOp;
  /** The least CPU-per-request ratio (ceiling / gateway) the issue asks for. */
  readonly least: number;
  target(port: number, token: string, fixture: Fixture): Target;
}

let sent = 0;

/** A random anchor such that the 50 messages after it are all seeded. */
function anchor(fixture: Fixture): number {
  return Math.floor(Math.random() * (fixture.seeded - PAGE));
}

const BOUNDARY = 'imgatebenchboundary';

/** A `/record/push` multipart body: the part `file` holding a JSON message frame. */
function recordPushBody(chatId: string): string {
  const frame = JSON.stringify({
    channelType: 1,
    target: chatId,
    msgId: `bench_r${sent++}`,
    msgType: 1,
    msg: 'benchmark message',
  });
  return (
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="frame.json"\r\n` +
    `Content-Type: application/json\r\n\r\n${frame}\r\n--${BOUNDARY}--\r\n`
  );
}

/** The three sends, `/im.chat/pull` (50) and `/message/list` (50), in that order. */
export const ROUTE_CASES: readonly RouteCase[] = [
  {
    name: 'POST /message/send',
    ceiling: 'send',
    least: 0.6,
    target: (port, token, f) => ({
      port,
      token,
      path: '/message/send',
      body: () => JSON.stringify({ id: `bench_${sent++}`, chat_id: f.chatId, content: 'benchmark message' }),
    }),
  },
  {
    name: 'POST /im.chat/send',
    ceiling: 'send',
    least: 0.6,
    target: (port, token, f) => ({
      port,
      token,
      path: '/im.chat/send',
      body: () => JSON.stringify({ target: f.chatId, target_type: 'group', msg: 'benchmark message' }),
    }),
  },
  {
    name: 'POST /record/push',
    ceiling: 'send',
    least: 0.6,
    target: (port, token, f) => ({
      port,
      token,
      path: '/record/push',
      contentType: `multipart/form-data; boundary=${BOUNDARY}`,
      body: () => recordPushBody(f.chatId),
    }),
  },
  {
    name: 'POST /im.chat/pull (50)',
    ceiling: 'read',
    least: 0.7,
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
    ceiling: 'read',
    least: 0.7,
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

/** The minimal server's send and read (`minimal-server.ts`), with the same page anchors. */
export function ceilingTarget(op: CeilingOp, port: number, fixture: Fixture): Target {
  return op === 'send'
    ? { port, path: '/send', body: () => JSON.stringify({ id: `ceiling_${sent++}` }) }
    : { port, path: '/read', body: () => JSON.stringify({ after: anchor(fixture) }) };
}
