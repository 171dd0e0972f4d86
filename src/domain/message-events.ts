import type { DomainContext } from './context.ts';
import type { Chat, Message } from './model.ts';
import { messageAudience } from './visibility.ts';

/** Who recalled or cleared, as events name it. */
export interface EventActor {
  readonly id: string;
  readonly num: number;
}

/**
 * Publishes `message.recalled` for a message of `chat` (push `withdraw message`); recall sequence 0
 * stands for a hard clear. The audience is computed from `chat` as it is now.
 */
export function publishRecalled(
  ctx: DomainContext,
  actor: EventActor,
  chat: Chat,
  message: Message,
  recallSequence: number,
  at: number,
): Promise<void> {
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
    audience: messageAudience(message, chat),
  });
}
