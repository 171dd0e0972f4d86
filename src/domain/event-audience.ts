import type { DomainContext } from './context.ts';
import type { Chat, Message } from './model.ts';
import { eventAudience } from './visibility.ts';

const NOBODY: ReadonlySet<string> = new Set();

/**
 * The audiences of events about `messages` of `chat`, by message number (see `eventAudience` in
 * `visibility.ts`): two store reads however many messages (who hid which, and the members'
 * cleared marks), then the same rule as every read.
 */
export async function visibleAudiences(
  ctx: DomainContext,
  chat: Chat,
  messages: readonly Message[],
): Promise<Map<number, string[]>> {
  const [hiddenBy, clearedMarks] = await Promise.all([
    ctx.store.hidden.hiddenBy(
      chat.id,
      messages.map((message) => message.num),
    ),
    ctx.store.members.clearedMarks(chat.id),
  ]);
  return new Map(
    messages.map((message) => [
      message.num,
      eventAudience(message, chat, hiddenBy.get(message.num) ?? NOBODY, clearedMarks),
    ]),
  );
}

/** The audience of an event about one message (`visibleAudiences` for one). */
export async function visibleAudience(ctx: DomainContext, chat: Chat, message: Message): Promise<string[]> {
  return (await visibleAudiences(ctx, chat, [message])).get(message.num) ?? [];
}
