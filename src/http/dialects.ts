import { imchatHandlers } from '../dialects/imchat/index.ts';
import { messagesHandlers } from '../dialects/messages/index.ts';
import { recordHandlers, recordRoutes } from '../dialects/record/index.ts';
import { adminOperations } from '../generated/admin/operations.ts';
import { imchatOperations } from '../generated/imchat/operations.ts';
import { messagesOperations } from '../generated/messages/operations.ts';
import { createAdminHandlers } from './admin/handlers.ts';
import type { MintToken } from './auth/index.ts';
import { type DialectMount, defineDialect } from './dialect.ts';

/**
 * Every handler table the gateway serves. DIALECT REGISTRATION POINT: a dialect lands as
 * `src/dialects/<variant>/index.ts` exporting `<variant>Handlers` (`satisfies
 * HandlerTable<typeof <variant>Operations>`) and is added here, e.g.
 * `defineDialect('imchat', imchatOperations, imchatHandlers)`.
 */
export function gatewayDialects(mintToken: MintToken | undefined): readonly DialectMount[] {
  return [
    defineDialect('admin', adminOperations, createAdminHandlers(mintToken)),
    defineDialect('imchat', imchatOperations, imchatHandlers),
    defineDialect('record', recordRoutes, recordHandlers),
    defineDialect('messages', messagesOperations, messagesHandlers),
  ];
}
