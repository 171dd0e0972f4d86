import { messageByNum } from './access.ts';
import type { Actor } from './actor.ts';
import type { DomainContext } from './context.ts';
import type { Channel } from './conversation-ref.ts';
import { DomainError } from './errors.ts';
import { visibleViews } from './message-views.ts';

/** record focus: stars a message the actor can see; starring twice changes nothing. */
export async function focus(ctx: DomainContext, actor: Actor, num: number, channel?: Channel): Promise<void> {
  const { message, chat, member } = await messageByNum(ctx, actor.userId, num, channel);
  const [visible] = await visibleViews(ctx, actor.userId, [message], [{ chat, member }]);
  if (!visible) throw new DomainError('not_found', `no message ${num}`);
  await ctx.store.focus.focus(actor.userId, { num: message.num, chatId: message.chatId });
}
