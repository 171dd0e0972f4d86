import { actorNum, resolveChats } from './access.ts';
import type { Actor } from './actor.ts';
import type { DomainContext } from './context.ts';
import { publishRecalled } from './message-events.ts';
import { requireAdmin, requireIds } from './validation.ts';

/**
 * messages clear-chat-ids (admin): destroys every current message of the chats for good. Each
 * removed message that was not already recalled publishes `message.recalled` with recall
 * sequence 0, so connected clients drop it. Returns how many messages were removed.
 */
export async function clearChats(
  ctx: DomainContext,
  actor: Actor,
  chatIds: readonly string[],
): Promise<number> {
  requireAdmin(actor);
  const chats = await resolveChats(ctx, requireIds(chatIds, 'chat_ids'), () => true);
  const by = { id: actor.userId, num: await actorNum(ctx, actor) };
  let removed = 0;
  for (const chat of chats) {
    const messages = (await ctx.store.messages.clear(chat.id, chat.lastSeq)).filter((m) => !m.gap);
    removed += messages.length;
    const at = ctx.now();
    for (const message of messages.filter((m) => !m.recall))
      await publishRecalled(ctx, by, chat, message, 0, at);
  }
  return removed;
}
