import type { DomainContext } from './context.ts';
import type { Chat, Message } from './model.ts';

/**
 * How long a sequence may lack its message before a read fills it with a gap tombstone: longer
 * than any send takes between taking its sequence and inserting. A send slower than this finds
 * its sequence filled and takes another (`send.ts`), so the bound costs a tombstone, never a message.
 */
export const HOLE_GRACE_MS = 2_000;

/** Most sequences one read fills (a chat with many dead sends heals over a few reads). */
const MAX_FILLED_PER_READ = 1_000;

/** The sequence window a page of one chat was fetched for, exclusive bounds. */
export interface SeqRange {
  readonly gt: number;
  readonly lt?: number | undefined;
}

/**
 * The sequences a page should hold but does not: between its bounds (as far as a full page
 * reaches, up to the chat's last sequence), in the page's direction, at most `MAX_FILLED_PER_READ`.
 */
function missingSeqs(
  chat: Chat,
  page: readonly Message[],
  range: SeqRange,
  limit: number,
  descending: boolean,
) {
  const top = Math.min((range.lt ?? Number.POSITIVE_INFINITY) - 1, chat.lastSeq);
  const full = page.length >= limit;
  const low = descending && full ? (page.at(-1)?.seq ?? range.gt + 1) : range.gt + 1;
  const high = !descending && full ? (page.at(-1)?.seq ?? top) : top;
  const present = new Set(page.map((m) => m.seq));
  const missing: number[] = [];
  for (let i = 0; i <= high - low && missing.length < MAX_FILLED_PER_READ; i += 1) {
    const seq = descending ? high - i : low + i;
    if (!present.has(seq)) missing.push(seq);
  }
  return missing;
}

/**
 * Whether the send that took `seq` has had the grace period: a later message of the page was
 * stored more than the grace ago (its sequence was taken after `seq`), or the chat's last
 * allocation (store time) is older than the grace.
 */
function isDead(
  ctx: DomainContext,
  chat: Chat,
  page: readonly Message[],
  seq: number,
  graceMs: number,
): boolean {
  const later = page.filter((m) => m.seq > seq && !m.gap).map((m) => m.createdAt);
  if (later.length > 0 && ctx.now() - Math.min(...later) > graceMs) return true;
  return chat.seqAt > 0 && ctx.now() - chat.seqAt > graceMs;
}

/**
 * No hole without a tombstone (`openapi/components/ids.yaml#/Sequence`): a send that dies between
 * taking its sequence and inserting its message leaves a sequence with no document. A read that
 * meets such a hole past the grace period fills it with a gap tombstone (a unique index makes
 * concurrent fills and a late insert safe) and returns the page with it, in order.
 */
export async function repairHoles(
  ctx: DomainContext,
  chat: Chat,
  page: Message[],
  range: SeqRange,
  limit: number,
  descending: boolean,
): Promise<Message[]> {
  const graceMs = ctx.holeGraceMs;
  const dead = missingSeqs(chat, page, range, limit, descending).filter((seq) =>
    isDead(ctx, chat, page, seq, graceMs),
  );
  if (dead.length === 0) return page;
  const gaps = [];
  for (const seq of dead) gaps.push({ seq, num: await ctx.store.numbers.next('message') });
  const filled = await ctx.store.messages.fillGaps(chat.id, gaps, ctx.now());
  const merged = [...page, ...filled].sort((a, b) => (descending ? b.seq - a.seq : a.seq - b.seq));
  return merged;
}
