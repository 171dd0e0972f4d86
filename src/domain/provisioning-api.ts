import type { Actor } from './actor.ts';
import type { Chat, ChatStatus, ChatType, Flag, User } from './model.ts';

/** `createUser` input. The id is the JWT `sub` the user will authenticate with. */
export interface CreateUserInput {
  /** 1..128 characters. */
  readonly id: string;
  /** Defaults to the id. */
  readonly name?: string;
}

/** `createChat` input (seed 002: chats are created by the business, never by clients). */
export interface CreateChatInput {
  /** Optional explicit id (1..128 characters); generated as `s_` + 16 hex digits otherwise. */
  readonly id?: string;
  readonly type: ChatType;
  /** Must be an existing user; always becomes a member. */
  readonly creatorId: string;
  /** Existing users; the creator is added when missing. A single chat has exactly two members. */
  readonly memberIds: readonly string[];
  readonly isEnc?: Flag;
  readonly status?: ChatStatus;
}

/**
 * imgate's own admin API (`openapi/admin.yaml`). Every method requires `actor.isAdmin`
 * (`forbidden` otherwise), except `getUser` for the actor's own id.
 */
export interface ProvisioningService {
  /** Creates a user with a fresh number. `conflict` when the id exists; `invalid` on a bad id. */
  createUser(actor: Actor, input: CreateUserInput): Promise<User>;
  /** `not_found` when absent. */
  getUser(actor: Actor, userId: string): Promise<User>;
  /**
   * The actor as a push subscriber: its token must name a provisioned user, or no event could
   * ever reach it (events go to users). `unauthenticated` otherwise, for admins too.
   */
  resolveSubscriber(actor: Actor): Promise<User>;
  /**
   * Creates a chat with a fresh number. `invalid` when a member is unknown or a single chat does not
   * have exactly two distinct members; `conflict` when the id exists or the pair already has a
   * single chat.
   */
  createChat(actor: Actor, input: CreateChatInput): Promise<Chat>;
  /** `not_found` when absent. */
  getChat(actor: Actor, chatId: string): Promise<Chat>;
  /** Adds existing users (idempotent). `invalid` for single chats or unknown users. */
  addMembers(actor: Actor, chatId: string, userIds: readonly string[]): Promise<Chat>;
  /** Removes a member (idempotent). `invalid` for single chats and for the creator. */
  removeMember(actor: Actor, chatId: string, userId: string): Promise<Chat>;
}
