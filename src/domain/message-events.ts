import type { DomainContext } from './context.ts';
import { visibleAudiences } from './event-audience.ts';
import type { Message } from './model.ts';
import type { ChatWithStates } from './ports.ts';

/** Who recalled or cleared, as events name it. */
export interface EventActor {
  readonly id: string;
  readonly num: number;
}

/**
 * Publishes one `messages.recalled` for messages of `chat` (push `withdraw message` for each);
 * recall sequence 0 stands for a hard clear. Each message's audience is the members who saw it
 * before (`visibleAudiences`: not those it was not addressed to, who hid it, or who cleared past
 * it), judged on `chat` and its members' `states` as the recalling update returned them.
 * Nothing is published for no messages.
 */
export async function publishRecalled(
  ctx: DomainContext,
  actor: EventActor,
  { chat, states }: ChatWithStates,
  recalled: ReadonlyArray<{ message: Message; recallSeq: number }>,
  at: number,
): Promise<void> {
  if (recalled.length === 0) return;
  const audiences = visibleAudiences(
    chat,
    recalled.map(({ message }) => message),
    states,
  );
  const messages = recalled.map(({ message, recallSeq }) => ({
    messageNum: message.num,
    sequence: message.seq,
    recallSequence: recallSeq,
    audience: audiences.get(message.num) ?? [],
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
