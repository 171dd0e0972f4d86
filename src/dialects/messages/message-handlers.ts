import type { SeqWindow } from '../../domain/index.ts';
import type { messagesOperations } from '../../generated/messages/operations.ts';
import type { HandlerTable } from '../../http/operation-table.ts';
import { ok, okItems } from './envelope.ts';
import { detailToWire, listItemToWire, sentToWire } from './message-wire.ts';

type MessageHandlers = Pick<
  HandlerTable<typeof messagesOperations>,
  'sendMessage' | 'listMessages' | 'getMessageDetail'
>;

/** Page size of `/message/list` when `count` is absent (`ListMessagesRequest.count` default). */
const DEFAULT_COUNT = 20;

/**
 * The wire window of `/message/list` as a domain window (normalization M8): `down` = the oldest
 * `count` above `sequence`; `up` = the newest `count` below `sequence`, 0 meaning "the latest".
 */
export function listWindow(sequence: number, direction: 'up' | 'down', count: number): SeqWindow {
  if (direction === 'down') return { after: sequence, limit: count };
  return sequence === 0 ? { limit: count } : { before: sequence, limit: count };
}

/**
 * Sending and reading messages (seed 000): `openapi/messages.yaml#/paths/~1message~1send`,
 * `#/paths/~1message~1list` and `#/paths/~1messages~1detail`.
 */
export const messageHandlers = {
  sendMessage: async (c) => {
    const body = c.req.valid('json');
    const { message } = await c.var.domain.messaging.send(c.var.actor, {
      to: { kind: 'chat', chatId: body.chat_id },
      clientId: body.id,
      content: body.content,
      type: body.type ?? 1,
      isEnc: body.is_enc ?? 0,
      receiveIds: body.receive_ids ?? [],
    });
    return c.json(ok(sentToWire(message)), 200);
  },
  listMessages: async (c) => {
    const { chat_id, sequence, direction, count } = c.req.valid('json');
    const views = await c.var.domain.reading.list(
      c.var.actor,
      { kind: 'chat', chatId: chat_id },
      listWindow(sequence, direction, count ?? DEFAULT_COUNT),
    );
    return c.json(okItems(views.map(listItemToWire)), 200);
  },
  getMessageDetail: async (c) => {
    const views = await c.var.domain.reading.detail(c.var.actor, c.req.valid('json').ids);
    return c.json(okItems(views.map(detailToWire)), 200);
  },
} satisfies MessageHandlers;
