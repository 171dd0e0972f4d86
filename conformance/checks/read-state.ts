import type { CheckInput } from '../engine/check-types.ts';
import { type Failure, ReadStateWrong } from '../engine/failures.ts';
import type { Exchange } from '../engine/http-client.ts';
import { asNumber, readValue, param } from '../engine/promise-model.ts';
import { promiseBase } from './promise-failure.ts';

/** A view of read state as the `read_state` promise lists it (`views`). */
interface View {
  readonly operation: string;
  readonly items: string;
  readonly key?: string;
  readonly flag?: string;
  readonly match?: string;
  readonly value?: string;
}

/** What the flow saw around one mark call (flows/read-marks.ts). */
export interface ReadObservation {
  /** The mark call itself (its request holds `mark` and `conversation`). */
  readonly marked: Exchange;
  /** The value the conversation is known by in the views (a chat id). */
  readonly conversationId: string;
  /** Keys of messages the reader sent: always read for it. */
  readonly ownKeys: readonly number[];
  /** operationId -> the reader's view after the mark. */
  readonly reader: Readonly<Record<string, Exchange>>;
  /** operationId -> another member's view before and after: it must not move. */
  readonly others: Readonly<Record<string, { before: Exchange; after: Exchange }>>;
}

const items = (view: View, ex: Exchange): unknown[] => {
  const node = readValue(ex.response.json, view.items);
  return Array.isArray(node) ? node : [];
};

/** Only what the view says about read state: `[key, flag]` pairs, or the conversation's mark. */
function projection(view: View, ex: Exchange, conversationId: string): string {
  if (view.flag && view.key)
    return JSON.stringify(
      items(view, ex).map((i) => [readValue(i, view.key ?? ''), readValue(i, view.flag ?? '')]),
    );
  const row = items(view, ex).find((item) => readValue(item, view.match ?? '') === conversationId);
  return JSON.stringify(readValue(row, view.value ?? ''));
}

function readerProblems(view: View, ex: Exchange, mark: number, obs: ReadObservation): string[] {
  if (view.flag && view.key) {
    return items(view, ex).flatMap((item) => {
      const key = asNumber(readValue(item, view.key as string));
      const flag = asNumber(readValue(item, view.flag as string));
      if (key === undefined) return [];
      const want = key <= mark || obs.ownKeys.includes(key) ? 1 : 0;
      return flag === want
        ? []
        : [`${view.operation}: ${view.flag} of ${key} is ${flag}, want ${want} (mark ${mark})`];
    });
  }
  const row = items(view, ex).find((item) => readValue(item, view.match ?? '') === obs.conversationId);
  const value = asNumber(readValue(row, view.value ?? ''));
  return value === mark ? [] : [`${view.operation}: ${view.value} is ${value}, want the new mark ${mark}`];
}

/**
 * The mark operation moves the caller's read mark to `mark`, every view of it follows, and nobody
 * else's read state moves. Promise: openapi/imchat.yaml#/paths/~1im.chat~1ack/post
 * (`ack-read-mark`, views: messages is_read, max_read_seq, last_read_sequence).
 */
export function read_state(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'promise' || input.promise.check !== 'read_state') return [];
  const obs = input.observation as ReadObservation;
  const views = (input.promise.params.views ?? []) as View[];
  const mark = asNumber(readValue(obs.marked.request.body, param(input.promise, 'mark'))) ?? 0;
  const problems: string[] = [];
  for (const view of views) {
    const mine = obs.reader[view.operation];
    if (mine) problems.push(...readerProblems(view, mine, mark, obs));
    const theirs = obs.others[view.operation];
    const id = obs.conversationId;
    if (theirs && projection(view, theirs.before, id) !== projection(view, theirs.after, id))
      problems.push(`${view.operation}: another member's view changed when the caller marked ${mark}`);
  }
  if (problems.length === 0) return [];
  return [
    new ReadStateWrong({
      ...promiseBase(input.promise, 'read_state', obs.marked),
      message: `${input.promise.id}: ${problems.slice(0, 4).join('; ')}`,
    }),
  ];
}
