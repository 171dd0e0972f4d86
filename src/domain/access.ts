import type { Actor } from './actor.ts';
import { rememberChat } from './chat-facts.ts';
import type { DomainContext } from './context.ts';
import type { Channel, ConversationRef } from './conversation-ref.ts';
import { DomainError } from './errors.ts';
import type { Chat, Message } from './model.ts';
import type { ChatKey, ChatWithMember } from './ports.ts';
import { requireId } from './validation.ts';
import { isMember } from './visibility.ts';

/** The unique key of the single chat between two users, whatever their order. */
export function pairKey(a: string, b: string): string {
  return `pair:${JSON.stringify([a, b].sort())}`;
}

/** The store key of a conversation reference; null when it can name no chat (a direct chat with oneself). */
export function conversationKey(actor: Actor, ref: ConversationRef): ChatKey | null {
  if (ref.kind === 'direct') {
    requireId(ref.peerId, 'peer');
    return ref.peerId === actor.userId ? null : { pairKey: pairKey(actor.userId, ref.peerId) };
  }
  return { id: requireId(ref.chatId, 'chat id') };
}

/**
 * Why `found` (the chat `ref` names, read with the actor's state) is not a conversation the actor
 * may use: unknown chats and peers without a single chat are `not_found`; a chat the actor is not
 * a member of is `forbidden`. Returns the chat when it is one.
 */
export function admitConversation(
  actor: Actor,
  ref: ConversationRef,
  found: ChatWithMember | null,
): ChatWithMember {
  if (!found) {
    const what = ref.kind === 'direct' ? `direct chat with ${ref.peerId}` : `${ref.kind} ${ref.chatId}`;
    throw new DomainError('not_found', `no ${what}`);
  }
  if (ref.kind === 'group' && found.chat.type === 1)
    throw new DomainError('not_found', `no group ${ref.chatId}`);
  if (!isMember(found.chat, actor.userId))
    throw new DomainError('forbidden', `not a member of ${found.chat.id}`);
  return found;
}

/**
 * Resolves a conversation the actor addresses, with the actor's member state, in one store read;
 * see `admitConversation` for the refusals.
 */
export async function resolveMembership(
  ctx: DomainContext,
  actor: Actor,
  ref: ConversationRef,
): Promise<ChatWithMember> {
  const key = conversationKey(actor, ref);
  const found = key ? await ctx.store.chats.getWithMember(key, actor.userId) : null;
  if (found) rememberChat(ctx, found.chat);
  return admitConversation(actor, ref, found);
}

/** `resolveMembership` when only the chat matters. */
export async function resolveConversation(
  ctx: DomainContext,
  actor: Actor,
  ref: ConversationRef,
): Promise<Chat> {
  return (await resolveMembership(ctx, actor, ref)).chat;
}

/** Resolves a batch of chat ids for a chat-addressed operation: all must exist and pass `allowed`. */
export async function resolveChats(
  ctx: DomainContext,
  chatIds: readonly string[],
  allowed: (chat: Chat) => boolean,
): Promise<Chat[]> {
  const unique = [...new Set(chatIds.map((id) => requireId(id, 'chat id')))];
  const found = new Map((await ctx.store.chats.getMany(unique)).map((chat) => [chat.id, chat]));
  return unique.map((id) => {
    const chat = found.get(id);
    if (!chat) throw new DomainError('not_found', `no chat ${id}`);
    if (!allowed(chat)) throw new DomainError('forbidden', `not allowed in ${id}`);
    return chat;
  });
}

/** Whether a chat is of the record channel asked for (0 private = single, 1 group = group/official). */
export function matchesChannel(chat: Chat, channel: Channel | undefined): boolean {
  if (channel === undefined) return true;
  return channel === 'private' ? chat.type === 1 : chat.type !== 1;
}

/**
 * A message addressed by number together with its chat and the viewer's state in it; `not_found`
 * when it names nothing live.
 */
export async function messageByNum(
  ctx: DomainContext,
  viewerId: string,
  num: number,
  channel: Channel | undefined,
): Promise<ChatWithMember & { message: Message }> {
  const message = Number.isSafeInteger(num) && num > 0 ? await ctx.store.messages.getByNum(num) : null;
  const found =
    message && !message.cleared && !message.gap
      ? await ctx.store.chats.getWithMember({ id: message.chatId }, viewerId)
      : null;
  if (!message || !found || !matchesChannel(found.chat, channel))
    throw new DomainError('not_found', `no message ${num}`);
  return { message, ...found };
}

/** Bound on the user number cache; past it the cache starts over (numbers are cheap to reload). */
const USER_NUM_CACHE_LIMIT = 100_000;

/**
 * User numbers of `userIds` (0 for unknown ones), from the cache where it has them: a number never
 * changes once assigned and users are never deleted, so the cache needs no invalidation.
 */
export async function userNums(ctx: DomainContext, userIds: readonly string[]): Promise<Map<string, number>> {
  const missing = userIds.filter((id) => id !== '' && !ctx.userNums.has(id));
  if (missing.length > 0) {
    const users = await ctx.store.users.getMany([...new Set(missing)]);
    if (ctx.userNums.size + users.length > USER_NUM_CACHE_LIMIT) ctx.userNums.clear();
    for (const user of users) ctx.userNums.set(user.id, user.num);
  }
  return new Map(userIds.map((id) => [id, ctx.userNums.get(id) ?? 0]));
}

/** The actor's user number (push `user_id`); 0 for an admin that is not a provisioned user. */
export async function actorNum(ctx: DomainContext, actor: Actor): Promise<number> {
  const cached = ctx.userNums.get(actor.userId);
  if (cached !== undefined) return cached;
  const num = (await ctx.store.users.get(actor.userId))?.num;
  if (num === undefined) return 0; // not provisioned yet: do not cache, it may be created later
  if (ctx.userNums.size >= USER_NUM_CACHE_LIMIT) ctx.userNums.clear();
  ctx.userNums.set(actor.userId, num);
  return num;
}
