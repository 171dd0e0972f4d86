import { actorNum, resolveMembership } from './access.ts';
import type { Actor } from './actor.ts';
import type { DomainContext } from './context.ts';
import type { ConversationRef } from './conversation-ref.ts';
import { DomainError } from './errors.ts';
import { visibleAudiences } from './event-audience.ts';
import { requireInt } from './validation.ts';
import type { ReadMarkResult } from './views.ts';

/**
 * imchat ack: the read mark only moves forward. When it moved, the other members who see the
 * message at the new mark hear `read_mark.advanced`, with its number (0 when that sequence holds no
 * live message): the event names that message, so it goes to no one whose reads skip it
 * (`eventAudience`, judged on the member states the advancing update returned). The actor's last
 * online time in the chat becomes now (seed 002 C5).
 */
export async function markRead(
  ctx: DomainContext,
  actor: Actor,
  to: ConversationRef,
  seq: number,
): Promise<ReadMarkResult> {
  const { chat, member } = await resolveMembership(ctx, actor, to);
  requireInt(seq, 'msg_index', 0);
  if (seq > chat.lastSeq) throw new DomainError('not_found', `no message ${seq}: past the last message`);
  const unmoved = { chatId: chat.id, readSeq: member.readSeq, advanced: false };
  if (seq <= member.readSeq) return unmoved;
  const at = ctx.now();
  const before = await ctx.store.members.advanceReadSeq(chat.id, actor.userId, seq, at);
  if (!before) {
    const now = await resolveMembership(ctx, actor, to); // a concurrent ack moved it at least as far
    return { ...unmoved, readSeq: now.member.readSeq };
  }
  const message = await ctx.store.messages.getBySeq(chat.id, seq);
  const audience = message
    ? (visibleAudiences(before.chat, [message], before.states).get(message.num) ?? [])
    : before.chat.memberIds;
  await ctx.events.publish({
    kind: 'read_mark.advanced',
    chatId: chat.id,
    chatNum: chat.num,
    actorId: actor.userId,
    actorNum: await actorNum(ctx, actor),
    messageNum: message && !message.cleared ? message.num : 0,
    sequence: seq,
    at,
    audience: audience.filter((id) => id !== actor.userId),
  });
  return { chatId: chat.id, readSeq: seq, advanced: true };
}
