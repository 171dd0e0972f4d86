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
 * Every handler table the gateway serves — the dialect registration point. A dialect is
 * `src/dialects/<variant>/index.ts` exporting `<variant>Handlers` (`satisfies
 * HandlerTable<typeof <variant>Operations>`), paired here with its generated operations.
 */
export function gatewayDialects(mintToken: MintToken | undefined): readonly DialectMount[] {
  return [
    defineDialect('messages', messagesOperations, messagesHandlers),
    defineDialect('imchat', imchatOperations, imchatHandlers),
    // recordRoutes = recordOperations with /record/push{,2} also taking `file` as a plain form field (record.yaml PushReq).
    defineDialect('record', recordRoutes, recordHandlers),
    defineDialect('admin', adminOperations, createAdminHandlers(mintToken)),
  ];
}
