import { DomainError } from '../../domain/index.ts';
import type { adminOperations } from '../../generated/admin/operations.ts';
import type { MintToken } from '../auth/index.ts';
import type { HandlerTable } from '../operation-table.ts';
import { chatToWire, userToWire } from './wire.ts';

const DEFAULT_TTL_SECONDS = 86_400;

/** The admin table's type: one handler per operationId of `openapi/admin.yaml`. */
export type AdminHandlers = HandlerTable<typeof adminOperations>;

/**
 * The provisioning API (`openapi/admin.yaml`), the exemplar of the handler-table pattern: each
 * handler translates wire <-> domain and leaves every rule (admin only, conflicts, membership) to
 * `ProvisioningService`. `mintToken` is undefined in production and in JWKS mode, where
 * `createToken` answers 404 as the document says.
 */
export function createAdminHandlers(mintToken: MintToken | undefined): AdminHandlers {
  return {
    createUser: async (c) => {
      const body = c.req.valid('json');
      const user = await c.var.domain.provisioning.createUser(c.var.actor, body);
      return c.json(userToWire(user), 201);
    },
    getUser: async (c) => {
      const user = await c.var.domain.provisioning.getUser(c.var.actor, c.req.valid('param').user_id);
      return c.json(userToWire(user), 200);
    },
    createChat: async (c) => {
      const body = c.req.valid('json');
      const chat = await c.var.domain.provisioning.createChat(c.var.actor, {
        ...(body.id === undefined ? {} : { id: body.id }),
        type: body.type,
        creatorId: body.creator_id,
        memberIds: body.member_ids,
        isEnc: body.is_enc ?? 0,
      });
      return c.json(chatToWire(chat), 201);
    },
    getChat: async (c) => {
      const chat = await c.var.domain.provisioning.getChat(c.var.actor, c.req.valid('param').chat_id);
      return c.json(chatToWire(chat), 200);
    },
    addChatMembers: async (c) => {
      const { chat_id } = c.req.valid('param');
      const chat = await c.var.domain.provisioning.addMembers(
        c.var.actor,
        chat_id,
        c.req.valid('json').user_ids,
      );
      return c.json(chatToWire(chat), 200);
    },
    removeChatMember: async (c) => {
      const { chat_id, user_id } = c.req.valid('param');
      const chat = await c.var.domain.provisioning.removeMember(c.var.actor, chat_id, user_id);
      return c.json(chatToWire(chat), 200);
    },
    createToken: async (c) => {
      if (!mintToken) throw new DomainError('not_found', 'token minting is disabled in production mode');
      if (!c.var.actor.isAdmin) throw new DomainError('forbidden', 'administrators only');
      const body = c.req.valid('json');
      const minted = await mintToken({
        sub: body.sub,
        admin: body.admin ?? false,
        ttlSeconds: body.ttl_seconds ?? DEFAULT_TTL_SECONDS,
      });
      return c.json({ token: minted.token, expires_at: minted.expiresAt }, 200);
    },
  };
}
