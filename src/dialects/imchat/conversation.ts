import type { ConversationRef, MessageView } from '../../domain/index.ts';
import type { TargetType } from '../../generated/imchat/routes.ts';

/** The `target` + `target_type` pair every imchat request carries. */
export interface WireTarget {
  readonly target: string;
  readonly target_type: TargetType;
}

/**
 * `target` + `target_type` -> the domain's conversation: `user` is the single chat with that user,
 * `group` a group or official chat by id (`openapi/components/imchat-schemas.yaml#/Target`).
 */
export function conversationOf(wire: WireTarget): ConversationRef {
  return wire.target_type === 'user'
    ? { kind: 'direct', peerId: wire.target }
    : { kind: 'group', chatId: wire.target };
}

/**
 * Where the sender sent a message, as `msg_info` names it
 * (`openapi/components/imchat-schemas.yaml#/MsgInfo`): a single chat is the user the sender
 * addressed, anything else the chat id.
 */
export function targetOf(view: MessageView): WireTarget {
  return view.chatType === 1
    ? { target: view.targetId, target_type: 'user' }
    : { target: view.chatId, target_type: 'group' };
}
