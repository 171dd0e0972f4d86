import { expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { messageRow } from './rows.ts';

/**
 * The idempotency key's scope (docs/normalization.md S1): (chat, sender, client id), so that the
 * unique index starts with the messages' shard key and one shard decides a retry.
 */
export function idempotencyScopeCases(open: () => Promise<Store>): void {
  it('enforces one message per (chat, sender, client id), not per (sender, client id)', async () => {
    const store = await open();
    const otherChat = messageRow(1, 1, { clientId: 'k', chatId: 'other' });
    expect(await store.messages.insert(otherChat)).not.toHaveProperty('winner');
    expect(await store.messages.insert(messageRow(2, 1, { clientId: 'k' }))).not.toHaveProperty('winner');
    // a retry that lost the race in chat c is settled by chat c's message, not by chat other's
    const sameChat = await store.messages.insert(messageRow(3, 2, { clientId: 'k' }));
    expect(sameChat).toMatchObject({ winner: { num: 2, chatId: 'c' } });
  });
}
