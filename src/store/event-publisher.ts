import type { EventPublisher } from '../domain/index.ts';
import type { EventLog } from './event-log.ts';

/**
 * The domain's `EventPublisher` over the event log: the domain publishes after the store accepted
 * the change, and every gateway instance's push hub tails the log.
 */
export function createEventLogPublisher(log: EventLog): EventPublisher {
  return {
    async publish(event) {
      await log.appendEvent(event);
    },
  };
}
