import { messageByNum, resolveChats, resolveConversation } from './access.ts';
import type { Actor } from './actor.ts';
import { resolveChatFacts } from './chat-facts.ts';
import type { DomainContext } from './context.ts';
import type { Channel, ConversationRef } from './conversation-ref.ts';
import { DomainError } from './errors.ts';
import { visibleViews } from './message-views.ts';
import type { Message } from './model.ts';
import { earlierRecall, recallInChat, recallOwnMessage } from './recall.ts';
import { requireIds, requireInt } from './validation.ts';
import type { RecallResult } from './views.ts';
import { isMember } from './visibility.ts';

/** imchat recall: by sequence in a conversation the actor is a member of. */
export async function recallBySeq(
  ctx: DomainContext,
  actor: Actor,
  to: ConversationRef,
  seq: number,
): Promise<RecallResult> {
  const chat = await resolveConversation(ctx, actor, to);
  const message = await ctx.store.messages.getBySeq(chat.id, requireInt(seq, 'msg_index', 1));
  if (!message || message.cleared || message.gap) throw new DomainError('not_found', `no message ${seq}`);
  return recallOwnMessage(ctx, actor, chat, message);
}

/** record revoke: by number, optionally checking the record channel. */
export async function recallByNum(
  ctx: DomainContext,
  actor: Actor,
  num: number,
  channel: Channel | undefined,
): Promise<RecallResult> {
  const { message, chat } = await messageByNum(ctx, actor.userId, num, channel);
  return recallOwnMessage(ctx, actor, chat, message);
}

/** messages delete-batch: the actor's own messages by client id, chat by chat; others' ids name nothing. */
export async function recallByClientIds(
  ctx: DomainContext,
  actor: Actor,
  clientIds: readonly string[],
): Promise<RecallResult[]> {
  const own = await ctx.store.messages.findByClientIds(requireIds(clientIds, 'ids'), actor.userId);
  const byChat = new Map<string, Message[]>();
  for (const message of own) byChat.set(message.chatId, [...(byChat.get(message.chatId) ?? []), message]);
  const chats = await ctx.store.chats.getMany([...byChat.keys()]);
  const results: RecallResult[] = [];
  for (const chat of chats.filter((c) => isMember(c, actor.userId))) {
    const messages = byChat.get(chat.id) ?? [];
    const fresh = messages.filter((m) => !m.recall).map((m) => m.num);
    const recalled = await recallInChat(ctx, actor, chat.id, { nums: fresh, senderId: actor.userId });
    const done = new Set(recalled.map((r) => r.num));
    results.push(...recalled);
    for (const message of messages.filter((m) => !done.has(m.num)))
      results.push(await earlierRecall(ctx, message));
  }
  if (results.length === 0) await refuseRecall(ctx, actor, clientIds);
  return results;
}

/**
 * delete-batch named nothing of the actor's (openapi/messages.yaml#/paths/~1messages~1delete-batch):
 * `forbidden` when the ids name messages it can see (sent by others), `not_found` otherwise.
 */
async function refuseRecall(ctx: DomainContext, actor: Actor, clientIds: readonly string[]): Promise<never> {
  const found = await ctx.store.messages.findByClientIds(requireIds(clientIds, 'ids'));
  if ((await visibleViews(ctx, actor.userId, found)).length > 0)
    throw new DomainError('forbidden', 'only the sender may recall a message');
  throw new DomainError('not_found', 'no visible message with these ids');
}

/** messages delete-chat-ids: every message the actor sent in chats it is a member of. */
export async function recallOwnInChats(
  ctx: DomainContext,
  actor: Actor,
  chatIds: readonly string[],
): Promise<RecallResult[]> {
  const chats = await resolveChats(ctx, requireIds(chatIds, 'chat_ids'), (chat) =>
    isMember(chat, actor.userId),
  );
  const results: RecallResult[] = [];
  for (const chat of chats)
    results.push(...(await recallInChat(ctx, actor, chat.id, { senderId: actor.userId })));
  return results;
}

/** messages revoke-chat-ids: every message of chats the actor created (any chat for an admin). */
export async function revokeAllInChats(
  ctx: DomainContext,
  actor: Actor,
  chatIds: readonly string[],
): Promise<RecallResult[]> {
  const chats = await resolveChatFacts(
    ctx,
    requireIds(chatIds, 'chat_ids'),
    (chat) => actor.isAdmin || chat.creatorId === actor.userId,
  );
  const results: RecallResult[] = [];
  for (const chat of chats) results.push(...(await recallInChat(ctx, actor, chat.id, {})));
  return results;
}
