/**
 * Domain events, named in the past tense. The push hub renders them as the seed-001 payloads of
 * `asyncapi/push.yaml`; the bus carries them between gateway instances, so they are plain JSON.
 *
 * `audience` is decided by the domain when the event happens (chat members, narrowed by
 * `receive_ids`, always including the sender), so the push layer never applies business rules.
 */
export type DomainEvent = MessageSent | MessageRecalled | ReadMarkAdvanced;

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

export interface ReadMarkAdvanced extends ChatEventBase {
  readonly kind: 'read_mark.advanced';
  /** The reader's new read mark (per-chat sequence); `messageNum` is the message at that sequence. */
  readonly sequence: number;
}

/** Where the domain hands events after the store has accepted the change. */
export interface EventPublisher {
  publish(event: DomainEvent): Promise<void>;
}
