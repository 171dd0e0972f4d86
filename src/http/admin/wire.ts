import type { Chat, User } from '../../domain/index.ts';

/** `openapi/components/admin-schemas.yaml#/User` from the canonical user. */
export function userToWire(user: User) {
  return { id: user.id, num: user.num, name: user.name, created_at: user.createdAt };
}

/** `openapi/components/admin-schemas.yaml#/Chat` from the canonical chat. */
export function chatToWire(chat: Chat) {
  return {
    id: chat.id,
    num: chat.num,
    type: chat.type,
    status: chat.status,
    is_enc: chat.isEnc,
    creator_id: chat.creatorId,
    member_ids: [...chat.memberIds],
    created_at: chat.createdAt,
  };
}
