import { expect } from 'vitest';
import type { World } from './world.ts';

/** An imchat conversation on the wire. */
export interface Target {
  readonly target: string;
  readonly target_type: 'user' | 'group';
}

/** The world's group chat as an imchat target. */
export function groupOf(w: World): Target {
  return { target: w.group, target_type: 'group' };
}

/** The single chat with `peer` as an imchat target. */
export function userTarget(peer: string): Target {
  return { target: peer, target_type: 'user' };
}

/** `/im.chat/send` that must succeed; answers `msg_index` and the exact `timestamp` as a BigInt. */
export async function imSend(w: World, token: string, to: Target, msg = 'hello', extra?: string) {
  const answer = await w.post('/im.chat/send', token, {
    ...to,
    msg,
    ...(extra === undefined ? {} : { extra }),
  });
  expect(answer.status, answer.text).toBe(200);
  return { msgIndex: answer.body.msg_index as number, timestamp: exactInteger(answer.text, 'timestamp') };
}

/** The exact integer value of the first `"field": <digits>` in a raw JSON text. */
export function exactInteger(text: string, field: string): bigint {
  const match = new RegExp(`"${field}":(\\d+)`).exec(text);
  if (!match?.[1]) throw new Error(`no integer ${field} in ${text}`);
  return BigInt(match[1]);
}

/** `/im.chat/pull` after `start` (inclusive) that must succeed. */
export async function imPull(w: World, token: string, to: Target, start = 1, startRecall = 0, count = 50) {
  const answer = await w.post('/im.chat/pull', token, {
    ...to,
    direction: 'after',
    start_msg_index: start,
    start_recall_index: startRecall,
    count,
  });
  expect(answer.status, answer.text).toBe(200);
  return answer.body as {
    msgs: { msg_index: number; recall_index: number; msg: string; extra: string; sender: string }[];
    recalls: Record<string, number>;
  };
}
