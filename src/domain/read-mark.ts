import { actorNum, resolveConversation } from './access.ts';
import type { Actor } from './actor.ts';
import type { DomainContext } from './context.ts';
import type { ConversationRef } from './conversation-ref.ts';
import { DomainError } from './errors.ts';
import { visibleAudience } from './event-audience.ts';
import { requireInt } from './validation.ts';
import type { ReadMarkResult } from './views.ts';

/**
 * imchat ack: the read mark only moves forward. When it moved, the other members who see the
 * message at the new mark hear `read_mark.advanced`, with its number (0 when that sequence holds no
 * live message): the event names that message, so it goes to no one whose reads skip it
 * (`eventAudience`). The actor's last online time in the chat becomes now (seed 002 C5).
 */
export async function markRead(
  ctx: DomainContext,
  actor: Actor,
  to: ConversationRef,
  seq: number,
): Promise<ReadMarkResult> {
  const chat = await resolveConversation(ctx, actor, to);
  requireInt(seq, 'msg_index', 0);
  if (seq > chat.lastSeq) throw new DomainError('not_found', `no message ${seq}: past the last message`);
  const { before, after } = await ctx.store.members.advanceReadSeq(chat.id, actor.userId, seq);
  if (after > before) {
    const at = ctx.now();
    await ctx.store.members.setLastOnline(actor.userId, [chat.id], at);
    const message = await ctx.store.messages.getBySeq(chat.id, after);
    const current = (await ctx.store.chats.get(chat.id)) ?? chat;
    const audience = message ? await visibleAudience(ctx, current, message) : current.memberIds;
    await ctx.events.publish({
      kind: 'read_mark.advanced',
      chatId: chat.id,
      chatNum: chat.num,
      actorId: actor.userId,
      actorNum: await actorNum(ctx, actor),
      messageNum: message && !message.cleared ? message.num : 0,
      sequence: after,
      at,
      audience: audience.filter((id) => id !== actor.userId),
    });
  }
  return { chatId: chat.id, readSeq: after, advanced: after > before };
}
