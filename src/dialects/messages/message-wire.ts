import type { Flag, MessageView } from '../../domain/index.ts';

/** Wire `status` of a message (`openapi/components/messages-schemas.yaml#/MessageStatus`). */
const NORMAL = 1;
const RECALLED = 2;

/**
 * A gap tombstone (a sequence lost in a send race) has no client id, but the list item's `id` must be
 * a non-empty string; it is shown as `gap:<sequence>`, a form no client id of that chat can collide
 * with in meaning because the item is always `status` 2.
 */
function wireId(view: MessageView): string {
  return view.gap ? `gap:${view.seq}` : view.clientId;
}

function status(view: MessageView): 1 | 2 {
  return view.recall || view.gap ? RECALLED : NORMAL;
}

function flag(value: boolean): Flag {
  return value ? 1 : 0;
}

/**
 * `extra` as an object (`openapi/components/messages-schemas.yaml#/MessageDetail`, normalization M13):
 * {} when empty (or recalled), the parsed object for JSON-object text, `{raw: text}` otherwise.
 */
export function extraToWire(extra: string): Record<string, unknown> {
  if (extra === '') return {};
  try {
    const parsed: unknown = JSON.parse(extra);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Not JSON: fall through to the raw form.
  }
  return { raw: extra };
}

/**
 * `data` of `/message/send` (`openapi/messages.yaml#/paths/~1message~1send`, normalization M2); the
 * numbers (`chat_num`, `msg_num`: normalization M24, M25) let a client match the push frames it receives.
 */
export function sentToWire(view: MessageView) {
  return {
    id: view.clientId,
    chat_id: view.chatId,
    sequence: view.seq,
    created_at: view.createdAt,
    chat_num: view.chatNum,
    msg_num: view.num,
  };
}

/** One item of `/message/list` (`openapi/components/messages-schemas.yaml#/MessageListItem`). */
export function listItemToWire(view: MessageView) {
  return {
    id: wireId(view),
    is_read: flag(view.isRead),
    sequence: view.seq,
    created_at: view.createdAt,
    status: status(view),
    msg_num: view.num,
  };
}

/** One item of `/messages/detail` (`openapi/components/messages-schemas.yaml#/MessageDetail`). */
export function detailToWire(view: MessageView) {
  return {
    id: wireId(view),
    chat_id: view.chatId,
    from_uid: view.senderId,
    content: view.content,
    status: status(view),
    type: view.type,
    is_enc: view.isEnc,
    sequence: view.seq,
    extra: extraToWire(view.extra),
    action: {},
    created_at: view.createdAt,
    chat_num: view.chatNum,
    msg_num: view.num,
  };
}
