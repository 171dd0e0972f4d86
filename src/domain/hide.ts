import { resolveChats } from './access.ts';
import type { Actor } from './actor.ts';
import type { DomainContext } from './context.ts';
import { DomainError } from './errors.ts';
import { visibleViews } from './message-views.ts';
import { requireIds } from './validation.ts';
import { isMember } from './visibility.ts';

/** delete-self-all: hides the visible messages with these client ids for the actor only; `not_found` when none is visible. */
export async function hideMessages(
  ctx: DomainContext,
  actor: Actor,
  clientIds: readonly string[],
): Promise<number> {
  const found = await ctx.store.messages.findByClientIds(requireIds(clientIds, 'ids'));
  const visible = await visibleViews(ctx, actor.userId, found);
  if (visible.length === 0) throw new DomainError('not_found', 'no visible message with these ids');
  await ctx.store.hidden.hide(
    actor.userId,
    visible.map((view) => ({ num: view.num, chatId: view.chatId })),
  );
  return visible.length;
}

/** delete-self-chat-ids: raises the actor's cleared mark to each chat's last sequence. */
export async function hideChatMessages(
  ctx: DomainContext,
  actor: Actor,
  chatIds: readonly string[],
): Promise<void> {
  const chats = await resolveChats(ctx, requireIds(chatIds, 'chat_ids'), (chat) =>
    isMember(chat, actor.userId),
  );
  for (const chat of chats) await ctx.store.members.raiseClearedSeq(chat.id, actor.userId, chat.lastSeq);
}

/** /chat/delete: hides the chats for the actor until a new message arrives. */
export async function hideChats(ctx: DomainContext, actor: Actor, chatIds: readonly string[]): Promise<void> {
  const chats = await resolveChats(ctx, requireIds(chatIds, 'ids'), (chat) => isMember(chat, actor.userId));
  for (const chat of chats) await ctx.store.members.setHidden(chat.id, actor.userId, true);
}
