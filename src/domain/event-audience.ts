import type { DomainContext } from './context.ts';
import type { Chat, Message } from './model.ts';
import { eventAudience } from './visibility.ts';

/**
 * The audience of an event about `message` (see `eventAudience` in `visibility.ts`): two store
 * reads, the members who hid it and those who cleared past it, then the same rule as every read.
 */
export async function visibleAudience(ctx: DomainContext, chat: Chat, message: Message): Promise<string[]> {
  const [hiddenBy, clearedThrough] = await Promise.all([
    ctx.store.hidden.hiddenBy(chat.id, message.num),
    ctx.store.members.clearedThrough(chat.id, message.seq),
  ]);
  return eventAudience(message, chat, hiddenBy, clearedThrough);
}
