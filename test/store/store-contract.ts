import { afterAll, beforeAll, describe } from 'vitest';
import { eventResumeCases } from './contract-event-resume.ts';
import { idempotencyScopeCases } from './contract-idempotency-scope.ts';
import { markAndEventCases } from './contract-marks-events.ts';
import { messageCases } from './contract-messages.ts';
import { numberAndChatCases } from './contract-numbers-chats.ts';
import type { StoreTarget } from './targets.ts';

/**
 * The store's contract, written once and run against every target (hono's `common.case.test.ts`
 * pattern): the embedded server always, a real MongoDB when `MONGODB_URI` is set.
 */
export function storeContract(target: StoreTarget): void {
  describe(`store contract (${target.name})`, () => {
    let server: Awaited<ReturnType<StoreTarget['start']>>;
    beforeAll(async () => {
      server = await target.start();
    });
    afterAll(async () => {
      await server.stop();
    });
    const open = () => server.open();
    numberAndChatCases(open);
    messageCases(open);
    markAndEventCases(open);
    eventResumeCases(open);
    idempotencyScopeCases(open);
  });
}
