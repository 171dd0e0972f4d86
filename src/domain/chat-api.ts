import type { Actor } from './actor.ts';
import type { ChatView } from './views.ts';

/** Chat views for members (seed 002). */
export interface ChatService {
  /** `/chat/mine-list`: every chat the actor is a member of, most recent message first. */
  mine(actor: Actor): Promise<ChatView[]>;
  /** `/chat/detail`: these chats, in the order asked, leaving out those the actor is not a member of. */
  details(actor: Actor, chatIds: readonly string[]): Promise<ChatView[]>;
  /** Records "now" as the actor's last online time in every chat (the push hub calls it on disconnect). */
  recordOnline(actor: Actor): Promise<void>;
}
