/**
 * Public surface of the domain: the canonical model, the services the dialects call, the events
 * the push hub renders, and the ports the store implements. Import from here, not from the files.
 */
export type { Actor } from './actor.ts';
export type { ChatService } from './chat-api.ts';
export type { Channel, ConversationRef } from './conversation-ref.ts';
export { createDomain, generateChatId } from './create-domain.ts';
export type { DomainDeps, ImDomain } from './domain-api.ts';
export { DomainError, type DomainErrorKind, isDomainError } from './errors.ts';
export {
  type DomainEvent,
  type EventPublisher,
  type MessageEvent,
  type MessageRecalled,
  type MessageSent,
  type MessagesRecalled,
  messageEvents,
  type ReadMarkAdvanced,
  type RecalledMessage,
} from './events.ts';
export type { MessagingService, SendInput } from './messaging-api.ts';
export {
  type Chat,
  type ChatStatus,
  type ChatType,
  defaultMemberState,
  type Flag,
  MAX_NUMBER,
  type MemberState,
  type Message,
  type Recall,
  type User,
} from './model.ts';
export type * from './ports.ts';
export type { CreateChatInput, CreateUserInput, ProvisioningService } from './provisioning-api.ts';
export type { PullInput, ReadingService, SeqWindow } from './reading-api.ts';
export type * from './views.ts';
