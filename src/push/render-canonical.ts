import type { MessageEvent } from '../domain/events.ts';

/**
 * The optional richer event format a client picks with `/ws?format=canonical`: the canonical ids
 * and sequences that the seed format leaves out, so a client can gap-fill by per-chat sequence
 * without a lookup. An imgate extension: `asyncapi/push.yaml#/components/messages/canonicalEvent`;
 * the seed format stays the default.
 */
export interface CanonicalPayload {
  readonly type: 'imgate.event';
  readonly kind: MessageEvent['kind'];
  readonly chat_id: string;
  readonly chat_num: number;
  readonly actor_id: string;
  readonly actor_num: number;
  readonly msg_num: number;
  readonly sequence: number;
  /** Only on `message.recalled`: the per-chat recall sequence, 0 after a hard clear. */
  readonly recall_sequence?: number;
  /** The stored instant, milliseconds since the epoch. */
  readonly at: number;
}

/** Renders a domain event in the canonical format; `audience` is never sent. */
export function toCanonicalPayload(event: MessageEvent): CanonicalPayload {
  return {
    type: 'imgate.event',
    kind: event.kind,
    chat_id: event.chatId,
    chat_num: event.chatNum,
    actor_id: event.actorId,
    actor_num: event.actorNum,
    msg_num: event.messageNum,
    sequence: event.sequence,
    ...(event.kind === 'message.recalled' ? { recall_sequence: event.recallSequence } : {}),
    at: event.at,
  };
}

/** The canonical payload as the JSON text of one frame. */
export function renderCanonicalText(event: MessageEvent): string {
  return JSON.stringify(toCanonicalPayload(event));
}
