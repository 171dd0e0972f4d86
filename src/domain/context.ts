import type { ChatFacts } from './chat-facts.ts';
import type { EventPublisher } from './events.ts';
import type { StorePorts } from './ports.ts';

/** What every service implementation shares: persistence, the event sink, time and id sources. */
export interface DomainContext {
  readonly store: StorePorts;
  readonly events: EventPublisher;
  readonly now: () => number;
  readonly newChatId: () => string;
  readonly newClientId: () => string;
  /** User id -> number; numbers never change once assigned, so every instance may cache them. */
  readonly userNums: Map<string, number>;
  /** Chat id -> the facts of a chat that never change (number, type, creator); see `chat-facts.ts`. */
  readonly chatFacts: Map<string, ChatFacts>;
  /** How long a sequence may lack its message before a read fills it (`holes.ts`). */
  readonly holeGraceMs: number;
}
