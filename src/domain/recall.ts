import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { actorNum } from './access.ts';
import type { Actor } from './actor.ts';
import type { DomainContext } from './context.ts';
import { DomainError } from './errors.ts';
import { publishRecalled } from './message-events.ts';
import type { Chat, Message } from './model.ts';
import type { RecallClaim } from './ports.ts';
import type { RecallResult } from './views.ts';
import { isAddressedTo, isMember } from './visibility.ts';

/** How long a caller waits for a concurrent recall of the same message to be numbered. */
const NUMBERING_WAIT_MS = 20;
const NUMBERING_ATTEMPTS = 50;

/**
 * Recalls the unrecalled messages that `claim` selects in one chat, in a constant number of store
 * commands whatever their count. Claiming first and numbering after keeps recall sequences
 * gap-free without a transaction: only messages this call claimed take a recall sequence, as one
 * consecutive block, and the action publishes one `messages.recalled` carrying all of them.
 */
export async function recallInChat(
  ctx: DomainContext,
  actor: Actor,
  chatId: string,
  claim: Omit<RecallClaim, 'chatId'>,
): Promise<RecallResult[]> {
  const { store } = ctx;
  const at = ctx.now();
  const recall = { recallSeq: 0, recalledAt: at, recalledBy: actor.userId };
  const claimed = await store.messages.claimRecall({ ...claim, chatId }, recall, randomUUID());
  if (claimed.length === 0) return [];
  const { first, ...after } = await store.chats.allocateRecallSeqs(chatId, claimed.length);
  const numbered = claimed.map((message, index) => ({ message, recallSeq: first + index }));
  await store.messages.numberRecalls(
    numbered.map(({ message, recallSeq }) => ({ num: message.num, recallSeq })),
  );
  await publishRecalled(ctx, { id: actor.userId, num: await actorNum(ctx, actor) }, after, numbered, at);
  return numbered.map(({ message, recallSeq }) => ({
    num: message.num,
    chatId,
    seq: message.seq,
    recallSeq,
    alreadyRecalled: false,
  }));
}

/** The result for a message recalled earlier, waiting briefly if another call is still numbering it. */
export async function earlierRecall(ctx: DomainContext, message: Message): Promise<RecallResult> {
  let current: Message | null = message;
  for (let attempt = 0; current?.recall?.recallSeq === 0 && attempt < NUMBERING_ATTEMPTS; attempt += 1) {
    await delay(NUMBERING_WAIT_MS);
    current = await ctx.store.messages.getByNum(message.num);
  }
  const recallSeq = current?.recall?.recallSeq ?? 0;
  return { num: message.num, chatId: message.chatId, seq: message.seq, recallSeq, alreadyRecalled: true };
}

/**
 * Recalls one message the actor addressed by sequence or number: `not_found` when the actor
 * cannot see it, `forbidden` when it can but did not send it; a second recall returns the first
 * recall sequence and publishes nothing.
 */
export async function recallOwnMessage(
  ctx: DomainContext,
  actor: Actor,
  chat: Chat,
  message: Message,
): Promise<RecallResult> {
  if (message.senderId !== actor.userId) {
    const seen = isMember(chat, actor.userId) && isAddressedTo(message, actor.userId);
    throw new DomainError(seen ? 'forbidden' : 'not_found', `cannot recall message ${message.num}`);
  }
  if (!isMember(chat, actor.userId)) throw new DomainError('not_found', `no message ${message.num}`);
  if (message.recall) return earlierRecall(ctx, message);
  const [result] = await recallInChat(ctx, actor, chat.id, { nums: [message.num], senderId: actor.userId });
  if (result) return result;
  const raced = await ctx.store.messages.getByNum(message.num);
  if (!raced || raced.cleared) throw new DomainError('not_found', `no message ${message.num}`);
  return earlierRecall(ctx, raced);
}
