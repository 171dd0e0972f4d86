import type { ChatService } from './chat-api.ts';
import type { EventPublisher } from './events.ts';
import type { MessagingService } from './messaging-api.ts';
import type { StorePorts } from './ports.ts';
import type { ProvisioningService } from './provisioning-api.ts';
import type { ReadingService } from './reading-api.ts';

/**
 * The whole domain as the dialects, the admin API and the push hub see it. Every business rule of
 * DESIGN.md and canonical.md is applied behind these services; callers translate wire <-> domain
 * and render `DomainError`s.
 */
export interface ImDomain {
  readonly provisioning: ProvisioningService;
  readonly messaging: MessagingService;
  readonly reading: ReadingService;
  readonly chats: ChatService;
}

/** What `createDomain` is built from; the optional parts exist so tests can pin time and ids. */
export interface DomainDeps {
  readonly store: StorePorts;
  /** Receives events after the store accepted the change. */
  readonly events: EventPublisher;
  /** ms since the epoch; default `Date.now`. */
  readonly clock?: () => number;
  /** Default `s_` + 16 random hex digits. */
  readonly newChatId?: () => string;
  /** Client id for sends that carry none (imchat); default a random UUID. */
  readonly newClientId?: () => string;
  /** How long a sequence may lack its message before a read fills it; default `HOLE_GRACE_MS`. */
  readonly holeGraceMs?: number;
}
