import type { messagesOperations } from '../../generated/messages/operations.ts';
import type { HandlerTable } from '../../http/operation-table.ts';
import { chatHandlers } from './chat-handlers.ts';
import { deletionHandlers } from './deletion-handlers.ts';
import { messageHandlers } from './message-handlers.ts';

/**
 * The messages variant (`openapi/messages.yaml`, seeds 000 and 002): one handler per operationId,
 * translating wire <-> domain only. Registered in `src/http/dialects.ts`.
 */
export const messagesHandlers = {
  ...messageHandlers,
  ...deletionHandlers,
  ...chatHandlers,
} satisfies HandlerTable<typeof messagesOperations>;
