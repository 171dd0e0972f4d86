import { setTimeout as delay } from 'node:timers/promises';
import type { DomainContext } from './context.ts';
import { DomainError } from './errors.ts';
import { senderView } from './message-views.ts';
import type { Chat, Message } from './model.ts';
import type { SendResult } from './views.ts';

/** The fields a retry must repeat exactly to count as the same send. */
export type SendFields = Pick<Message, 'content' | 'extra' | 'type' | 'isEnc' | 'receiveIds'>;

/** How often and how long a retry waits for a concurrent first attempt to store its message. */
const POLL_MS = 10;
export const FIRST_ATTEMPT_WAIT_MS = 2_000;

function sameSend(existing: Message, fields: SendFields): boolean {
  if (existing.recall) return true; // content is destroyed: the chat is all a retry can still match
  return (
    existing.content === fields.content &&
    existing.extra === fields.extra &&
    existing.type === fields.type &&
    existing.isEnc === fields.isEnc &&
    [...existing.receiveIds].sort().join('\u0000') === fields.receiveIds.join('\u0000')
  );
}

/** A retry of a stored send: the first result again, or 409 when the id was reused for other content. */
export async function settleRetry(
  ctx: DomainContext,
  existing: Message,
  fields: SendFields,
  chat: Chat,
): Promise<SendResult> {
  if (existing.cleared) throw new DomainError('conflict', 'this message id was cleared');
  if (!sameSend(existing, fields))
    throw new DomainError('conflict', 'message id reused with different content');
  const found = await ctx.store.chats.getWithMember({ id: chat.id }, existing.senderId);
  return { message: await senderView(ctx, existing, found ?? { chat, member: undefined }), duplicate: true };
}

/**
 * The message of a recent send whose retry allocated nothing: it is stored, or its first attempt
 * is still between allocation and insert (it is polled for), or that attempt died — then null, and
 * the retry takes a sequence of its own while a read fills the dead one (`holes.ts`).
 */
export async function awaitFirstAttempt(
  ctx: DomainContext,
  chatId: string,
  senderId: string,
  clientId: string,
): Promise<Message | null> {
  for (let waited = 0; waited <= FIRST_ATTEMPT_WAIT_MS; waited += POLL_MS) {
    const existing = await ctx.store.messages.findByClient(chatId, senderId, clientId);
    if (existing) return existing;
    await delay(POLL_MS);
  }
  return null;
}
