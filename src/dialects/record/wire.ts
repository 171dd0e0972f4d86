import { DomainError, type MessageView } from '../../domain/index.ts';
import type { Record as RecordWire } from '../../generated/record/routes.ts';

/** One record (`openapi/components/record-schemas.yaml#/Record`) as the viewer sees it. */
export function recordToWire(view: MessageView): RecordWire {
  return {
    logId: view.num,
    msgId: view.clientId,
    channelType: view.chatType === 1 ? 0 : 1,
    fromId: view.senderId,
    targetId: view.targetId,
    msgType: view.type,
    msg: view.content,
    datetime: view.createdAt,
    state: view.recall ? 1 : 0,
    focused: view.focused,
  };
}

/** A sync-record entry: standard padded base64 of the UTF-8 JSON of a `Record` (normalisation R4). */
export function encodeRecord(view: MessageView): string {
  return Buffer.from(JSON.stringify(recordToWire(view)), 'utf8').toString('base64');
}

/**
 * `PrivateRecordReq.logId`, a JSON integer or a decimal string (normalisation R2), as the domain's
 * exclusive upper bound; 0 means "from the latest" (undefined).
 */
export function logIdBound(logId: number | string): number | undefined {
  const value = typeof logId === 'string' ? Number(logId) : logId;
  if (!Number.isSafeInteger(value))
    throw new DomainError('invalid', 'logId: must be at most 9007199254740991');
  return value === 0 ? undefined : value;
}

/** `openapi/components/record-schemas.yaml#/PushResp` for a stored (or retried) message. */
export function pushResp(view: MessageView) {
  return { logId: view.num, datetime: view.createdAt };
}
