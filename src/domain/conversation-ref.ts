/**
 * How a dialect names the conversation an operation addresses (DESIGN.md "One domain, many dialects"):
 * - `chat`: any chat by id (messages `chat_id`);
 * - `group`: a group or official chat by id (imchat `target_type: group`, record channel 1); a single
 *   chat addressed this way is not found;
 * - `direct`: the single chat between the actor and `peerId` (imchat `target_type: user`, record
 *   channel 0); not found when the two share no single chat.
 */
export type ConversationRef =
  | { readonly kind: 'chat'; readonly chatId: string }
  | { readonly kind: 'group'; readonly chatId: string }
  | { readonly kind: 'direct'; readonly peerId: string };

/** record `type` / `channelType`: 0 private (direct), 1 group. */
export type Channel = 'private' | 'group';
