import { randomBytes } from 'node:crypto';
import { createChatService } from './chats.ts';
import { clearChats } from './clear.ts';
import type { DomainContext } from './context.ts';
import type { DomainDeps, ImDomain } from './domain-api.ts';
import { focus } from './focus.ts';
import { hideChatMessages, hideChats, hideMessages } from './hide.ts';
import { HOLE_GRACE_MS } from './holes.ts';
import { createProvisioningService } from './provisioning.ts';
import { markRead } from './read-mark.ts';
import { createReadingService } from './reading.ts';
import {
  recallByClientIds,
  recallByNum,
  recallBySeq,
  recallOwnInChats,
  revokeAllInChats,
} from './recall-batches.ts';
import { send } from './send.ts';

const POOL_IDS = 512;
let pool = Buffer.alloc(0);
let used = 0;

/**
 * 16 random hex digits. The bytes come from a pool refilled 512 ids at a time: a `randomBytes`
 * call per id (one imchat send each) cost more than the rest of the id's handling.
 */
function randomHex16(): string {
  if (used + 8 > pool.length) {
    pool = randomBytes(8 * POOL_IDS);
    used = 0;
  }
  used += 8;
  return pool.toString('hex', used - 8, used);
}

/** `s_` + 16 hex digits, as seed 002 shows chat ids. */
export function generateChatId(): string {
  return `s_${randomHex16()}`;
}

/** `g_` + 16 hex digits: the id of a message sent without a client id (imchat), see docs/normalization.md A11. */
export function generateClientId(): string {
  return `g_${randomHex16()}`;
}

/** Assembles the domain over a store and an event sink; the one entry point of `src/domain/`. */
export function createDomain(deps: DomainDeps): ImDomain {
  const ctx: DomainContext = {
    store: deps.store,
    events: deps.events,
    now: deps.clock ?? Date.now,
    newChatId: deps.newChatId ?? generateChatId,
    newClientId: deps.newClientId ?? generateClientId,
    userNums: new Map(),
    chatFacts: new Map(),
    holeGraceMs: deps.holeGraceMs ?? HOLE_GRACE_MS,
  };
  return {
    provisioning: createProvisioningService(ctx),
    messaging: {
      send: (actor, input) => send(ctx, actor, input),
      recallByClientIds: (actor, ids) => recallByClientIds(ctx, actor, ids),
      recallBySeq: (actor, to, seq) => recallBySeq(ctx, actor, to, seq),
      recallByNum: (actor, num, channel) => recallByNum(ctx, actor, num, channel),
      recallOwnInChats: (actor, chatIds) => recallOwnInChats(ctx, actor, chatIds),
      revokeAllInChats: (actor, chatIds) => revokeAllInChats(ctx, actor, chatIds),
      clearChats: (actor, chatIds) => clearChats(ctx, actor, chatIds),
      hideMessages: (actor, ids) => hideMessages(ctx, actor, ids),
      hideChatMessages: (actor, chatIds) => hideChatMessages(ctx, actor, chatIds),
      hideChats: (actor, chatIds) => hideChats(ctx, actor, chatIds),
      markRead: (actor, to, seq) => markRead(ctx, actor, to, seq),
      focus: (actor, num, channel) => focus(ctx, actor, num, channel),
    },
    reading: createReadingService(ctx),
    chats: createChatService(ctx),
  };
}
