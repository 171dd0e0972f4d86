import { actorNum, resolveMembership } from './access.ts';
import type { Actor } from './actor.ts';
import type { DomainContext } from './context.ts';
import type { ConversationRef } from './conversation-ref.ts';
import { DomainError } from './errors.ts';
import { requireInt } from './validation.ts';
import type { ReadMarkResult } from './views.ts';

/**
 * imchat ack: the read mark only moves forward. When it moved, the other members hear
 * `read_mark.advanced`, with the number of the message at the new mark (0 when that sequence
 * holds no live message), and the actor's last online time in the chat becomes now (seed 002 C5).
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
  await ctx.events.publish({
    kind: 'read_mark.advanced',
    chatId: chat.id,
    chatNum: chat.num,
    actorId: actor.userId,
    actorNum: await actorNum(ctx, actor),
    messageNum: message && !message.cleared ? message.num : 0,
    sequence: seq,
    at,
    audience: before.chat.memberIds.filter((id) => id !== actor.userId),
  });
  return { chatId: chat.id, readSeq: seq, advanced: true };
}
