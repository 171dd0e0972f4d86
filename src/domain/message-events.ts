import type { DomainContext } from './context.ts';
import { visibleAudience } from './event-audience.ts';
import type { Chat, Message } from './model.ts';

/** Who recalled or cleared, as events name it. */
export interface EventActor {
  readonly id: string;
  readonly num: number;
}

/**
 * Publishes `message.recalled` for a message of `chat` (push `withdraw message`); recall sequence 0
 * stands for a hard clear. The audience is computed from `chat` as it is now: the members who saw
 * the message before (not those it was not addressed to, who hid it, or who cleared past it).
 */
export async function publishRecalled(
  ctx: DomainContext,
  actor: EventActor,
  chat: Chat,
  message: Message,
  recallSequence: number,
  at: number,
): Promise<void> {
  const audience = await visibleAudience(ctx, chat, message);
  return ctx.events.publish({
    kind: 'message.recalled',
    chatId: chat.id,
    chatNum: chat.num,
    actorId: actor.id,
    actorNum: actor.num,
    messageNum: message.num,
    sequence: message.seq,
    recallSequence,
    at,
    audience,
  });
}
