import { actorNum, admitConversation, conversationKey } from './access.ts';
import type { Actor } from './actor.ts';
import { rememberChat } from './chat-facts.ts';
import type { DomainContext } from './context.ts';
import { DomainError } from './errors.ts';
import type { DomainEvent } from './events.ts';
import { freshView } from './message-views.ts';
import type { SendInput } from './messaging-api.ts';
import type { Chat, Message } from './model.ts';
import type { ChatKey, SeqRequest } from './ports.ts';
import { awaitFirstAttempt, type SendFields, settleRetry } from './send-retry.ts';
import { requireFlag, requireId, requireInt } from './validation.ts';
import type { SendResult } from './views.ts';
import { isMember, messageAudience } from './visibility.ts';

/** Allocations one send may take: a slow send whose sequence a read filled as a hole takes another. */
const MAX_ALLOCATIONS = 3;

function sendFields(input: SendInput): SendFields {
  if (typeof input.content !== 'string') throw new DomainError('invalid', 'content must be a string');
  const extra = input.extra ?? '';
  if (typeof extra !== 'string') throw new DomainError('invalid', 'extra must be a string');
  return {
    content: input.content,
    extra,
    type: requireInt(input.type ?? 1, 'type', 1, 2 ** 31 - 1),
    isEnc: requireFlag(input.isEnc, 'is_enc'),
    receiveIds: [...new Set(input.receiveIds ?? [])].sort(),
  };
}

/** What a refused allocation means: an error to throw, a stored first attempt, or "allocate anyway". */
type Refusal = { readonly retryOf: Message; readonly chat: Chat } | { readonly force: boolean };

/**
 * The allocation matched no chat: reads why (the refusals of `admitConversation`, a disabled chat,
 * a receive id that is no member) or finds that the client id is a recent send of the sender.
 */
async function explainRefusal(
  ctx: DomainContext,
  actor: Actor,
  input: SendInput,
  request: SeqRequest,
): Promise<Refusal> {
  const { chat } = admitConversation(
    actor,
    input.to,
    await ctx.store.chats.getWithMember(request.key, actor.userId),
  );
  if (chat.status !== 1) throw new DomainError('forbidden', `chat ${chat.id} is disabled`);
  const stranger = request.memberIds.find((id) => !isMember(chat, id));
  if (stranger !== undefined) throw new DomainError('invalid', `receive id ${stranger} is not a member`);
  const stored = await ctx.store.messages.findByClient(chat.id, actor.userId, request.clientId);
  if (stored) return { retryOf: stored, chat };
  if (!(await ctx.store.chats.isRecentSend({ id: chat.id }, actor.userId, request.clientId)))
    return { force: false }; // the chat changed between the two reads: try again
  const first = await awaitFirstAttempt(ctx, chat.id, actor.userId, request.clientId);
  return first ? { retryOf: first, chat } : { force: true };
}

/** A retry past the idempotency window allocated `seq` for nothing: give it back, or fill it. */
async function abandonSeq(ctx: DomainContext, chat: Chat, seq: number): Promise<void> {
  if (await ctx.store.chats.releaseSeq(chat.id, seq)) return;
  await ctx.store.messages.fillGaps(
    chat.id,
    [{ seq, num: await ctx.store.numbers.next('message') }],
    ctx.now(),
  );
}

/**
 * Idempotent send in three store commands: one update of the chat document checks membership,
 * takes the next sequence, un-hides the chat and records the sender's last online time — unless
 * (sender, client id) is one of the chat's recent sends, so a retry never takes a sequence; then
 * the message insert, whose unique (chat, sender, client id) index settles a retry older than that
 * window; then `message.sent`, which the event log writes together with concurrent sends' events.
 * A sequence whose send died before its insert is filled by the next read (`holes.ts`); a send
 * that finds its sequence filled that way takes another.
 */
export async function send(ctx: DomainContext, actor: Actor, input: SendInput): Promise<SendResult> {
  const fields = sendFields(input);
  const clientId = requireId(input.clientId ?? ctx.newClientId(), 'message id');
  const key: ChatKey | null = conversationKey(actor, input.to);
  if (!key) admitConversation(actor, input.to, null);
  const { store } = ctx;
  let request: SeqRequest = {
    key: key as ChatKey,
    senderId: actor.userId,
    clientId,
    memberIds: [actor.userId, ...fields.receiveIds],
    groupOnly: input.to.kind === 'group',
    at: ctx.now(),
    force: false,
  };
  for (let allocation = 0; allocation < MAX_ALLOCATIONS;) {
    const chat = await store.chats.allocateSeq(request);
    if (!chat) {
      const refusal = await explainRefusal(ctx, actor, input, request);
      if ('retryOf' in refusal) return settleRetry(ctx, refusal.retryOf, fields, refusal.chat);
      request = { ...request, force: refusal.force };
      continue;
    }
    allocation += 1;
    rememberChat(ctx, chat);
    const message: Message = {
      ...fields,
      chatId: chat.id,
      num: await store.numbers.next('message'),
      seq: chat.lastSeq,
      senderId: actor.userId,
      clientId,
      createdAt: request.at,
      recall: null,
      gap: false,
      cleared: false,
    };
    const senderNum = await actorNum(ctx, actor);
    const stored = await store.messages.insert(message);
    if (stored.outcome === 'duplicate_client') {
      await abandonSeq(ctx, chat, message.seq);
      return settleRetry(ctx, stored.winner, fields, chat);
    }
    if (stored.outcome === 'inserted') {
      await ctx.events.publish(sentEvent(chat, message, senderNum));
      return { message: freshView(message, chat, senderNum), duplicate: false };
    }
    request = { ...request, force: true, at: ctx.now() };
  }
  throw new Error(`send ${clientId}: every allocated sequence was filled before the insert`);
}

/** `message.sent` for a stored message. */
function sentEvent(chat: Chat, message: Message, senderNum: number): DomainEvent {
  return {
    kind: 'message.sent',
    chatId: chat.id,
    chatNum: chat.num,
    actorId: message.senderId,
    actorNum: senderNum,
    messageNum: message.num,
    sequence: message.seq,
    at: message.createdAt,
    audience: messageAudience(message, chat),
  };
}
