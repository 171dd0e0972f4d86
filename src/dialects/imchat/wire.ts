import type { MessageView, RecallEntry } from '../../domain/index.ts';
import type { MsgInfo } from '../../generated/imchat/routes.ts';
import { targetOf } from './conversation.ts';

const NANOS_PER_MILLI = 1_000_000;

/**
 * The stored ms instant as imchat's int64 nanoseconds
 * (`openapi/components/imchat-schemas.yaml#/TimestampNanos`). The product exceeds 2^53, but
 * `JSON.stringify` prints the shortest decimal that round-trips, which is exactly `ms` followed by
 * six zeros, so the wire value is the exact integer.
 */
export function timestampNanos(ms: number): number {
  return ms * NANOS_PER_MILLI;
}

/**
 * One pulled message (`openapi/components/imchat-schemas.yaml#/MsgInfo`), with the numbers push
 * frames carry (`chat_num`, `msg_num`: normalization I12, I13).
 */
export function msgInfo(view: MessageView): MsgInfo {
  return {
    msg_index: view.seq,
    recall_index: view.recall?.recallSeq ?? 0,
    msg: view.content,
    extra: view.extra,
    timestamp: timestampNanos(view.createdAt),
    sender: view.senderId,
    ...targetOf(view),
    chat_num: view.chatNum,
    msg_num: view.num,
  };
}

/** `recall_index -> msg_index`, keys as decimal strings (`imchat-schemas.yaml#/PullResponse`). */
export function recallsToWire(recalls: readonly RecallEntry[]): Record<string, number> {
  return Object.fromEntries(recalls.map((entry) => [String(entry.recallSeq), entry.seq]));
}
