import type { messagesOperations } from '../../generated/messages/operations.ts';
import type { HandlerTable } from '../../http/operation-table.ts';
import { okNull } from './envelope.ts';

type DeletionHandlers = Pick<
  HandlerTable<typeof messagesOperations>,
  | 'recallMessages'
  | 'hideMessages'
  | 'recallChatMessages'
  | 'hideChatMessages'
  | 'revokeChatMessages'
  | 'clearChatMessages'
>;

/**
 * The six deletions of seed 000 (`openapi/messages.yaml#/paths/~1messages~1delete-batch` …
 * `#/paths/~1messages~1clear-chat-ids`): recall for everyone, hide for me, revoke, hard clear. Who
 * may do what, and the 403/404 outcomes, are decided by `MessagingService`; every success is
 * `data: null`.
 */
export const deletionHandlers = {
  recallMessages: async (c) => {
    await c.var.domain.messaging.recallByClientIds(c.var.actor, c.req.valid('json').ids);
    return c.json(okNull(), 200);
  },
  hideMessages: async (c) => {
    await c.var.domain.messaging.hideMessages(c.var.actor, c.req.valid('json').ids);
    return c.json(okNull(), 200);
  },
  recallChatMessages: async (c) => {
    await c.var.domain.messaging.recallOwnInChats(c.var.actor, c.req.valid('json').chat_ids);
    return c.json(okNull(), 200);
  },
  hideChatMessages: async (c) => {
    await c.var.domain.messaging.hideChatMessages(c.var.actor, c.req.valid('json').chat_ids);
    return c.json(okNull(), 200);
  },
  revokeChatMessages: async (c) => {
    await c.var.domain.messaging.revokeAllInChats(c.var.actor, c.req.valid('json').chat_ids);
    return c.json(okNull(), 200);
  },
  clearChatMessages: async (c) => {
    await c.var.domain.messaging.clearChats(c.var.actor, c.req.valid('json').chat_ids);
    return c.json(okNull(), 200);
  },
} satisfies DeletionHandlers;
