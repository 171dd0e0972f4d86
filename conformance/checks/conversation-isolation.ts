import type { CheckInput } from '../engine/check-types.ts';
import { ConversationLeaked, type Failure } from '../engine/failures.ts';
import { promiseItems, readValue, param } from '../engine/promise-model.ts';
import { answerPromises, promiseBase } from './promise-failure.ts';

/**
 * An answer about one conversation holds only that conversation's items: one of the item fields
 * `anyOf` equals the request's `conversation` field, and every `where` field has its constant.
 * Promise: openapi/record.yaml#/paths/~1app~1record~1pri-chat-record/post/x-imgate-promises.
 */
export function conversation_isolation(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response') return [];
  return answerPromises(input, 'conversation_isolation').flatMap((promise) => {
    const conversation = readValue(input.exchange.request.body, param(promise, 'conversation'));
    const anyOf = (promise.params.anyOf as string[] | undefined) ?? [];
    const where = Object.entries((promise.params.where ?? {}) as Record<string, unknown>);
    const strangers = (promiseItems(promise, input.exchange.response.json) ?? []).filter(
      (item) =>
        !anyOf.some((p) => readValue(item, p) === conversation) ||
        where.some(([p, v]) => readValue(item, p) !== v),
    );
    if (strangers.length === 0) return [];
    return [
      new ConversationLeaked({
        ...promiseBase(promise, 'conversation_isolation', input.exchange),
        message: `${promise.id}: ${strangers.length} item(s) of another conversation than ${JSON.stringify(conversation)}: ${JSON.stringify(strangers[0]).slice(0, 300)}`,
      }),
    ];
  });
}
