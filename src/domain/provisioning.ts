import { pairKey } from './access.ts';
import type { Actor } from './actor.ts';
import type { DomainContext } from './context.ts';
import { DomainError } from './errors.ts';
import type { Chat } from './model.ts';
import type { CreateChatInput, ProvisioningService } from './provisioning-api.ts';
import { requireAdmin, requireFlag, requireId, requireIds } from './validation.ts';

const CHAT_TYPES: readonly number[] = [1, 2, 3];
const CHAT_STATUSES: readonly number[] = [1, 2];

/** Validates and completes a chat's member list: known users, the creator included, pairs for singles. */
async function chatMembers(ctx: DomainContext, input: CreateChatInput): Promise<string[]> {
  const creatorId = requireId(input.creatorId, 'creator_id');
  const memberIds = requireIds([creatorId, ...(input.memberIds ?? [])], 'member_ids');
  await requireUsers(ctx, memberIds);
  if (input.type === 1 && memberIds.length !== 2) {
    throw new DomainError('invalid', 'a single chat has exactly two distinct members');
  }
  return memberIds;
}

async function requireUsers(ctx: DomainContext, userIds: readonly string[]): Promise<void> {
  const known = new Set((await ctx.store.users.getMany(userIds)).map((user) => user.id));
  const unknown = userIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new DomainError('not_found', `unknown users: ${unknown.join(', ')}`);
}

async function existingChat(ctx: DomainContext, chatId: string): Promise<Chat> {
  const chat = await ctx.store.chats.get(requireId(chatId, 'chat id'));
  if (!chat) throw new DomainError('not_found', `no chat ${chatId}`);
  return chat;
}

/** Membership of single chats is fixed: a pair is the chat's identity. */
async function changeableChat(ctx: DomainContext, actor: Actor, chatId: string): Promise<Chat> {
  requireAdmin(actor);
  const chat = await existingChat(ctx, chatId);
  if (chat.type === 1) throw new DomainError('conflict', 'the members of a single chat cannot change');
  return chat;
}

/** The admin API: users and chats exist only through it (seed 002: creation is not for clients). */
export function createProvisioningService(ctx: DomainContext): ProvisioningService {
  const { store } = ctx;
  return {
    async createUser(actor, input) {
      requireAdmin(actor);
      const id = requireId(input.id, 'id');
      const name = input.name ?? id;
      if (typeof name !== 'string' || name.length > 256)
        throw new DomainError('invalid', 'name: at most 256 characters');
      const user = { id, name, num: await store.numbers.next('user'), createdAt: ctx.now() };
      if (!(await store.users.insert(user))) throw new DomainError('conflict', `user ${id} exists`);
      return user;
    },
    async getUser(actor, userId) {
      requireAdmin(actor);
      const user = await store.users.get(requireId(userId, 'user id'));
      if (!user) throw new DomainError('not_found', `no user ${userId}`);
      return user;
    },
    async resolveSubscriber(actor) {
      const user = await store.users.get(actor.userId);
      if (!user) throw new DomainError('unauthenticated', 'the token names no known user');
      return user;
    },
    async createChat(actor, input) {
      requireAdmin(actor);
      if (!CHAT_TYPES.includes(input.type)) throw new DomainError('invalid', 'type must be 1, 2 or 3');
      const status = input.status ?? 1;
      if (!CHAT_STATUSES.includes(status)) throw new DomainError('invalid', 'status must be 1 or 2');
      const memberIds = await chatMembers(ctx, input);
      const chat: Chat = {
        id: input.id === undefined ? ctx.newChatId() : requireId(input.id, 'id'),
        num: await store.numbers.next('chat'),
        type: input.type,
        status: status,
        isEnc: requireFlag(input.isEnc, 'is_enc'),
        creatorId: input.creatorId,
        memberIds,
        lastSeq: 0,
        lastRecallSeq: 0,
        lastTime: 0,
        createdAt: ctx.now(),
      };
      const key = chat.type === 1 ? pairKey(memberIds[0] ?? '', memberIds[1] ?? '') : null;
      const outcome = await store.chats.insert(chat, key);
      if (outcome === 'duplicate_id') throw new DomainError('conflict', `chat ${chat.id} exists`);
      if (outcome === 'duplicate_pair')
        throw new DomainError('conflict', 'these users already have a single chat');
      return chat;
    },
    async getChat(actor, chatId) {
      requireAdmin(actor);
      return existingChat(ctx, chatId);
    },
    async addMembers(actor, chatId, userIds) {
      const chat = await changeableChat(ctx, actor, chatId);
      const ids = requireIds(userIds, 'user_ids');
      await requireUsers(ctx, ids);
      return (await store.chats.addMembers(chat.id, ids)) ?? chat;
    },
    async removeMember(actor, chatId, userId) {
      const chat = await changeableChat(ctx, actor, chatId);
      requireId(userId, 'user id');
      if (chat.creatorId === userId) throw new DomainError('conflict', 'the creator cannot be removed');
      if (!chat.memberIds.includes(userId))
        throw new DomainError('not_found', `${userId} is not a member of chat ${chat.id}`);
      const updated = await store.chats.removeMember(chat.id, userId);
      await store.members.remove(chat.id, userId);
      return updated ?? chat;
    },
  };
}
