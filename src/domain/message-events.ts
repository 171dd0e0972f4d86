import type { DomainContext } from './context.ts';
import type { Chat, Message } from './model.ts';
import { messageAudience } from './visibility.ts';

/** Who recalled or cleared, as events name it. */
export interface EventActor {
  readonly id: string;
  readonly num: number;
}

/**
 * Publishes one `messages.recalled` for messages of `chat` (push `withdraw message` for each);
 * recall sequence 0 stands for a hard clear. Audiences are computed from `chat` as it is now.
 * Nothing is published for no messages.
 */
export async function publishRecalled(
  ctx: DomainContext,
  actor: EventActor,
  chat: Chat,
  recalled: ReadonlyArray<{ message: Message; recallSeq: number }>,
  at: number,
): Promise<void> {
  if (recalled.length === 0) return;
  const messages = recalled.map(({ message, recallSeq }) => ({
    messageNum: message.num,
    sequence: message.seq,
    recallSequence: recallSeq,
    audience: messageAudience(message, chat),
  }));
  await ctx.events.publish({
    kind: 'messages.recalled',
    chatId: chat.id,
    chatNum: chat.num,
    actorId: actor.id,
    actorNum: actor.num,
    at,
    audience: [...new Set(messages.flatMap((m) => m.audience))],
    messages,
  });
}
