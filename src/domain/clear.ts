import { actorNum } from './access.ts';
import type { Actor } from './actor.ts';
import { resolveChatFacts } from './chat-facts.ts';
import type { DomainContext } from './context.ts';
import { publishRecalled } from './message-events.ts';
import { requireAdmin, requireIds } from './validation.ts';

/**
 * messages clear-chat-ids (admin): destroys every current message of the chats for good, in a
 * constant number of store commands per chat. The chat's hard-clear mark moves to its last
 * sequence first (reads start above it), then the messages up to that mark are cleared; the
 * removed messages that were not already recalled go out as one `messages.recalled` with recall
 * sequence 0, so connected clients drop them. Returns how many messages were removed.
 */
export async function clearChats(
  ctx: DomainContext,
  actor: Actor,
  chatIds: readonly string[],
): Promise<number> {
  requireAdmin(actor);
  const facts = await resolveChatFacts(ctx, requireIds(chatIds, 'chat_ids'), () => true);
  const by = { id: actor.userId, num: await actorNum(ctx, actor) };
  let removed = 0;
  for (const { id } of facts) {
    const cleared = await ctx.store.chats.clearUpToLast(id);
    if (!cleared) continue;
    const messages = (await ctx.store.messages.clear(id, cleared.chat.clearedSeq)).filter((m) => !m.gap);
    removed += messages.length;
    const fresh = messages.filter((m) => !m.recall).map((message) => ({ message, recallSeq: 0 }));
    await publishRecalled(ctx, by, cleared, fresh, ctx.now());
  }
  return removed;
}
