import type { messagesOperations } from '../../generated/messages/operations.ts';
import type { HandlerTable } from '../../http/operation-table.ts';
import { chatDetailToWire, membershipToWire } from './chat-wire.ts';
import { okItems, okNull } from './envelope.ts';

type ChatHandlers = Pick<
  HandlerTable<typeof messagesOperations>,
  'listMyChats' | 'getChatDetail' | 'hideChats'
>;

/**
 * The caller's chats (seed 002): `openapi/messages.yaml#/paths/~1chat~1mine-list`,
 * `#/paths/~1chat~1detail` and `#/paths/~1chat~1delete` (hide until the next message).
 */
export const chatHandlers = {
  listMyChats: async (c) => {
    const views = await c.var.domain.chats.mine(c.var.actor);
    return c.json(okItems(views.map(membershipToWire)), 200);
  },
  getChatDetail: async (c) => {
    const views = await c.var.domain.chats.details(c.var.actor, c.req.valid('json').ids);
    return c.json(okItems(views.map(chatDetailToWire)), 200);
  },
  hideChats: async (c) => {
    await c.var.domain.messaging.hideChats(c.var.actor, c.req.valid('json').ids);
    return c.json(okNull(), 200);
  },
} satisfies ChatHandlers;
