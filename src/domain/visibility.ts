import type { Chat, MemberState, Message } from './model.ts';

/**
 * The visibility rules of canonical.md, as pure functions so every read and write applies the
 * same ones: a user sees a message when it is a member of the chat, the message is addressed to
 * it (no receive ids, listed, or its own), it did not hide it, and it lies above its cleared mark.
 */

export function isMember(chat: Chat, userId: string): boolean {
  return chat.memberIds.includes(userId);
}

/** `receive_ids` narrows who sees a message; the sender always does. */
export function isAddressedTo(message: Message, userId: string): boolean {
  return (
    message.receiveIds.length === 0 || message.senderId === userId || message.receiveIds.includes(userId)
  );
}

export function isVisibleTo(
  message: Message,
  userId: string,
  chat: Chat | undefined,
  member: MemberState | undefined,
  hidden: ReadonlySet<number>,
): boolean {
  if (!chat || message.cleared || !isMember(chat, userId) || !isAddressedTo(message, userId)) return false;
  return message.seq > (member?.clearedSeq ?? 0) && !hidden.has(message.num);
}

/** messages `is_read`: own messages are read; others up to the read mark. */
export function isReadBy(message: Message, userId: string, member: MemberState | undefined): boolean {
  return message.senderId === userId || message.seq <= (member?.readSeq ?? 0);
}

/** Who is told about a message event: the addressed members (all when unnarrowed), and the sender. */
export function messageAudience(message: Message, chat: Chat): string[] {
  const addressed =
    message.receiveIds.length === 0
      ? chat.memberIds
      : chat.memberIds.filter((id) => message.receiveIds.includes(id));
  return [...new Set([...addressed, message.senderId])];
}

/**
 * Who may hear about an action on `message` (its recall, a read mark at its sequence): exactly
 * the members who see it in their reads (`isVisibleTo`), judged as of before the action, so an
 * event never tells a user about a message its list and pull skip — not addressed to it
 * (`receive_ids`), hidden by it, or at or below its cleared mark. `hiddenBy` are the members who
 * hid the message, `clearedMarks` the members' cleared marks in the chat (absent = 0).
 */
export function eventAudience(
  message: Message,
  chat: Chat,
  hiddenBy: ReadonlySet<string>,
  clearedMarks: ReadonlyMap<string, number>,
): string[] {
  return messageAudience(message, chat).filter(
    (id) => isMember(chat, id) && !hiddenBy.has(id) && message.seq > (clearedMarks.get(id) ?? 0),
  );
}

/** For a single chat, the member that is not `userId`; for other chats, the chat id. */
export function otherSide(chat: Chat, userId: string): string {
  if (chat.type !== 1) return chat.id;
  return chat.memberIds.find((id) => id !== userId) ?? userId;
}
