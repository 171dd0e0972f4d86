import type { MessageEvent } from '../domain/events.ts';

/** `status` of each seed-001 payload, by domain event kind. */
const SEED_STATUS: Record<MessageEvent['kind'], SeedStatus> = {
  'message.sent': 'send message',
  'message.recalled': 'withdraw message',
  'read_mark.advanced': 'read message',
};

export type SeedStatus = 'send message' | 'withdraw message' | 'read message';

/**
 * The seed-001 push payload (`asyncapi/push.yaml#/components/schemas/SendMessagePayload`, `WithdrawMessagePayload`,
 * `ReadMessagePayload`), as the
 * parsed JSON a client sees.
 */
export interface SeedPayload {
  readonly type: 'chat.message';
  readonly status: SeedStatus;
  readonly user_id: number;
  readonly chat_id: number;
  readonly msg_id: number;
  readonly update_time: number;
}

/**
 * Renders a domain event as the seed-001 JSON text frame
 * (`asyncapi/push.yaml#/components/messages/sendMessage`, `withdrawMessage`, `readMessage`).
 *
 * The text is built by hand rather than with `JSON.stringify` so that `update_time` is always
 * written as a float (`1713844846.0`, never `1713844846`): the seed types it as float seconds and
 * clients in typed languages (Python `float`, Go `float64`) keep one type for it. All other fields
 * are integers or fixed strings, so no escaping is needed.
 */
export function renderSeedText(event: MessageEvent): string {
  return (
    `{"type":"chat.message","status":"${SEED_STATUS[event.kind]}","user_id":${integer(event.actorNum)},` +
    `"chat_id":${integer(event.chatNum)},"msg_id":${integer(event.messageNum)},` +
    `"update_time":${floatSeconds(event.at)}}`
  );
}

/** The seed payload as an object, for tests and for callers that embed it elsewhere. */
export function toSeedPayload(event: MessageEvent): SeedPayload {
  return {
    type: 'chat.message',
    status: SEED_STATUS[event.kind],
    user_id: event.actorNum,
    chat_id: event.chatNum,
    msg_id: event.messageNum,
    update_time: event.at / 1000,
  };
}

/** Milliseconds since the epoch -> seconds, always with a fraction part so that the JSON type is a float. */
function floatSeconds(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`event time is not a finite number: ${ms}`);
  const text = String(ms / 1000);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`push id is not a safe integer: ${value}`);
  return String(value);
}
