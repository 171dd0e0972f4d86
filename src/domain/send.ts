import { actorNum, resolveConversation } from './access.ts';
import type { Actor } from './actor.ts';
import type { DomainContext } from './context.ts';
import { DomainError } from './errors.ts';
import { freshView, senderView } from './message-views.ts';
import type { SendInput } from './messaging-api.ts';
import type { Chat, Message } from './model.ts';
import { requireFlag, requireId, requireInt } from './validation.ts';
import type { SendResult } from './views.ts';
import { isMember, messageAudience } from './visibility.ts';

/** The fields a retry must repeat exactly to count as the same send. */
type SendFields = Pick<Message, 'chatId' | 'content' | 'extra' | 'type' | 'isEnc' | 'receiveIds'>;

function sendFields(chat: Chat, input: SendInput): SendFields {
  if (typeof input.content !== 'string') throw new DomainError('invalid', 'content must be a string');
  const extra = input.extra ?? '';
  if (typeof extra !== 'string') throw new DomainError('invalid', 'extra must be a string');
  const receiveIds = [...new Set(input.receiveIds ?? [])].sort();
  const stranger = receiveIds.find((id) => !isMember(chat, id));
  if (stranger !== undefined) throw new DomainError('invalid', `receive id ${stranger} is not a member`);
  return {
    chatId: chat.id,
    content: input.content,
    extra,
    type: requireInt(input.type ?? 1, 'type', 1, 2 ** 31 - 1),
    isEnc: requireFlag(input.isEnc, 'is_enc'),
    receiveIds,
  };
}

function sameSend(existing: Message, fields: SendFields): boolean {
  if (existing.chatId !== fields.chatId) return false;
  if (existing.recall) return true; // content is destroyed: the chat is all a retry can still match
  return (
    existing.content === fields.content &&
    existing.extra === fields.extra &&
    existing.type === fields.type &&
    existing.isEnc === fields.isEnc &&
    [...existing.receiveIds].sort().join('\u0000') === fields.receiveIds.join('\u0000')
  );
}

async function settleRetry(ctx: DomainContext, existing: Message, fields: SendFields, chat: Chat) {
  if (existing.cleared) throw new DomainError('conflict', 'this message id was cleared');
  if (!sameSend(existing, fields))
    throw new DomainError('conflict', 'message id reused with different content');
  const owner = existing.chatId === chat.id ? chat : await ctx.store.chats.get(existing.chatId);
  return { message: await senderView(ctx, existing, owner ?? chat), duplicate: true };
}

/**
 * Idempotent send: a known (sender, client id) is settled without allocating anything; otherwise
 * a number and a sequence are taken and the insert decides a concurrent race (the loser's sequence
 * becomes a gap tombstone in the store). `message.sent` is published once the insert succeeded.
 */
export async function send(ctx: DomainContext, actor: Actor, input: SendInput): Promise<SendResult> {
  const chat = await resolveConversation(ctx, actor, input.to);
  if (chat.status !== 1) throw new DomainError('forbidden', `chat ${chat.id} is disabled`);
  const fields = sendFields(chat, input);
  const clientId = requireId(input.clientId ?? ctx.newClientId(), 'message id');
  const { store } = ctx;
  const existing = await store.messages.findByClient(actor.userId, clientId);
  if (existing) return settleRetry(ctx, existing, fields, chat);

  const num = await store.numbers.next('message');
  const createdAt = ctx.now();
  const numbered = await store.chats.allocateSeq(chat.id, createdAt);
  if (!numbered) throw new DomainError('not_found', `no chat ${chat.id}`);
  const message: Message = {
    ...fields,
    num,
    seq: numbered.lastSeq,
    senderId: actor.userId,
    clientId,
    createdAt,
    recall: null,
    gap: false,
    cleared: false,
  };
  const outcome = await store.messages.insert(message);
  if (!outcome.inserted) return settleRetry(ctx, outcome.winner, fields, chat);

  const [senderNum] = await Promise.all([
    actorNum(ctx, actor),
    store.members.unhideAll(chat.id),
    store.members.setLastOnline(actor.userId, [chat.id], createdAt),
  ]);
  await ctx.events.publish({
    kind: 'message.sent',
    chatId: chat.id,
    chatNum: chat.num,
    actorId: actor.userId,
    actorNum: senderNum,
    messageNum: num,
    sequence: message.seq,
    at: createdAt,
    audience: messageAudience(message, numbered),
  });
  return { message: freshView(message, numbered, senderNum), duplicate: false };
}
