/**
 * Domain events, named in the past tense. The push hub renders them as the seed-001 payloads of
 * `asyncapi/push.yaml`; the bus carries them between gateway instances, so they are plain JSON.
 *
 * `audience` is decided by the domain when the event happens (chat members, narrowed by
 * `receive_ids`, always including the sender), so the push layer never applies business rules.
 */
export type DomainEvent = MessageSent | MessageRecalled | MessagesRecalled | ReadMarkAdvanced;

/** The events that are one push frame each: a `MessagesRecalled` fans out into `MessageRecalled`s. */
export type MessageEvent = MessageSent | MessageRecalled | ReadMarkAdvanced;

interface ChatEventBase {
  /** Canonical chat id and its integer number (push `chat_id`). */
  readonly chatId: string;
  readonly chatNum: number;
  /** The acting user (sender, recaller, reader) and its integer number (push `user_id`). */
  readonly actorId: string;
  readonly actorNum: number;
  /** Message number (push `msg_id`, record `logId`). */
  readonly messageNum: number;
  /** The stored instant of the action, milliseconds since the epoch (push `update_time` = at / 1000). */
  readonly at: number;
  /** User ids entitled to receive the event. */
  readonly audience: readonly string[];
}

export interface MessageSent extends ChatEventBase {
  readonly kind: 'message.sent';
  readonly sequence: number;
}

export interface MessageRecalled extends ChatEventBase {
  readonly kind: 'message.recalled';
  readonly sequence: number;
  /** Per-chat recall sequence; 0 when the message was physically removed by a hard clear. */
  readonly recallSequence: number;
}

/** One message of a bulk recall. */
export interface RecalledMessage {
  readonly messageNum: number;
  readonly sequence: number;
  /** Per-chat recall sequence; 0 when the message was physically removed by a hard clear. */
  readonly recallSequence: number;
  /** Who is told about this message (its own `receive_ids` narrowing). */
  readonly audience: readonly string[];
}

/**
 * One recall action in one chat (DESIGN "Push": one event per action carrying its message
 * numbers), so a revoke of a whole chat is one event-log insert. `audience` is the union of the
 * messages' audiences; the push hub fans it out to one `withdraw message` frame per message.
 */
export interface MessagesRecalled extends Omit<ChatEventBase, 'messageNum'> {
  readonly kind: 'messages.recalled';
  readonly messages: readonly RecalledMessage[];
}

/** The one-frame events of `event`, in order: a bulk recall becomes one `message.recalled` per message. */
export function messageEvents(event: DomainEvent): MessageEvent[] {
  if (event.kind !== 'messages.recalled') return [event];
  const { messages, kind: _kind, ...base } = event;
  return messages.map((m) => ({ ...base, kind: 'message.recalled', ...m }));
}

export interface ReadMarkAdvanced extends ChatEventBase {
  readonly kind: 'read_mark.advanced';
  /** The reader's new read mark (per-chat sequence); `messageNum` is the message at that sequence. */
  readonly sequence: number;
}

/** Where the domain hands events after the store has accepted the change. */
export interface EventPublisher {
  publish(event: DomainEvent): Promise<void>;
}
