import type { DomainContext } from './context.ts';
import { DomainError } from './errors.ts';
import type { Chat } from './model.ts';
import { requireId } from './validation.ts';

/**
 * What never changes about a chat once it exists: its number, its type and its creator (chats are
 * never deleted, nor given to another creator). Permission checks that only need these facts
 * (`revoke-chat-ids`: creator or admin; `clear-chat-ids`: admin) read them from a per-instance
 * cache, which needs no invalidation because nothing it holds can change; membership and
 * counters are always read from the store.
 */
export interface ChatFacts {
  readonly id: string;
  readonly num: number;
  readonly type: Chat['type'];
  readonly creatorId: string;
}

/** Bound on the cache; past it the cache starts over (facts are cheap to reload). */
const CHAT_FACTS_LIMIT = 100_000;

/** Records the facts of a chat this instance read anyway (a send, a read), so a later check costs nothing. */
export function rememberChat(ctx: DomainContext, chat: Chat): void {
  if (ctx.chatFacts.has(chat.id)) return;
  if (ctx.chatFacts.size >= CHAT_FACTS_LIMIT) ctx.chatFacts.clear();
  ctx.chatFacts.set(chat.id, { id: chat.id, num: chat.num, type: chat.type, creatorId: chat.creatorId });
}

/**
 * The facts of every chat in `chatIds` (deduplicated, in order): `not_found` for an unknown id,
 * `forbidden` when `allowed` refuses one. Only ids missing from the cache cost a read.
 */
export async function resolveChatFacts(
  ctx: DomainContext,
  chatIds: readonly string[],
  allowed: (facts: ChatFacts) => boolean,
): Promise<ChatFacts[]> {
  const unique = [...new Set(chatIds.map((id) => requireId(id, 'chat id')))];
  const missing = unique.filter((id) => !ctx.chatFacts.has(id));
  if (missing.length > 0) {
    for (const chat of await ctx.store.chats.getMany(missing)) rememberChat(ctx, chat);
  }
  return unique.map((id) => {
    const facts = ctx.chatFacts.get(id);
    if (!facts) throw new DomainError('not_found', `no chat ${id}`);
    if (!allowed(facts)) throw new DomainError('forbidden', `not allowed in ${id}`);
    return facts;
  });
}
