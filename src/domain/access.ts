import type { Actor } from './actor.ts';
import type { DomainContext } from './context.ts';
import type { Channel, ConversationRef } from './conversation-ref.ts';
import { DomainError } from './errors.ts';
import type { Chat, Message } from './model.ts';
import { requireId } from './validation.ts';
import { isMember } from './visibility.ts';

/** The unique key of the single chat between two users, whatever their order. */
export function pairKey(a: string, b: string): string {
  return `pair:${JSON.stringify([a, b].sort())}`;
}

/**
 * Resolves a conversation the actor addresses and checks membership: unknown chats and peers
 * without a single chat are `not_found`; a chat the actor is not a member of is `forbidden`.
 */
export async function resolveConversation(
  ctx: DomainContext,
  actor: Actor,
  ref: ConversationRef,
): Promise<Chat> {
  let chat: Chat | null;
  if (ref.kind === 'direct') {
    requireId(ref.peerId, 'peer');
    chat =
      ref.peerId === actor.userId ? null : await ctx.store.chats.getByPair(pairKey(actor.userId, ref.peerId));
    if (!chat) throw new DomainError('not_found', `no direct chat with ${ref.peerId}`);
  } else {
    chat = await ctx.store.chats.get(requireId(ref.chatId, 'chat id'));
    if (!chat || (ref.kind === 'group' && chat.type === 1)) {
      throw new DomainError('not_found', `no ${ref.kind} ${ref.chatId}`);
    }
  }
  if (!isMember(chat, actor.userId)) throw new DomainError('forbidden', `not a member of ${chat.id}`);
  return chat;
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

/** A message addressed by number together with its chat; `not_found` when it names nothing live. */
export async function messageByNum(
  ctx: DomainContext,
  num: number,
  channel: Channel | undefined,
): Promise<{ message: Message; chat: Chat }> {
  const message = Number.isSafeInteger(num) && num > 0 ? await ctx.store.messages.getByNum(num) : null;
  const chat = message && !message.cleared && !message.gap ? await ctx.store.chats.get(message.chatId) : null;
  if (!message || !chat || !matchesChannel(chat, channel))
    throw new DomainError('not_found', `no message ${num}`);
  return { message, chat };
}

/** Bound on the user number cache; past it the cache starts over (numbers are cheap to reload). */
const USER_NUM_CACHE_LIMIT = 100_000;

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
