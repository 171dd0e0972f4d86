import type { Chat, MemberState, Message } from './model.ts';
import { eventAudience } from './visibility.ts';

/**
 * The audiences of events about `messages` of `chat`, by message number (see `eventAudience` in
 * `visibility.ts`): who hid which message and the members' cleared marks come from `states`, every
 * member's state as the update that made the event returned it, so no store read is added.
 */
export function visibleAudiences(
  chat: Chat,
  messages: readonly Message[],
  states: ReadonlyMap<string, MemberState>,
): Map<number, string[]> {
  const clearedMarks = new Map([...states].map(([id, state]) => [id, state.clearedSeq]));
  const hiddenBy = new Map<number, Set<string>>();
  for (const [id, state] of states) {
    for (const num of state.hidden) hiddenBy.set(num, (hiddenBy.get(num) ?? new Set()).add(id));
  }
  return new Map(
    messages.map((message) => [
      message.num,
      eventAudience(message, chat, hiddenBy.get(message.num) ?? new Set(), clearedMarks),
    ]),
  );
}
