import { type Exchange, toCurl } from './http-client.ts';

const ALL_PHASE_LIST = 'examples,coverage,fuzz,stateful,push,consistency';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** What every failure carries, so a report line is enough to find and replay the defect. */
export interface FailureInit {
  readonly check: string;
  /** `variant:operationId` (or `push:<kind>`, `consistency`). */
  readonly operation: string;
  /** Pointer into the document: the response, schema or message the server contradicted. */
  readonly pointer: string;
  readonly message: string;
  readonly exchange?: Exchange;
  /** Set when the failure is not about one HTTP exchange (push, consistency). */
  readonly detail?: unknown;
  readonly severity?: Severity;
}

/**
 * "The server under test is wrong": one subclass per defect, named for what was seen. Kept apart
 * from RunnerError ("the tool or the document broke").
 */
export abstract class Failure {
  abstract readonly title: string;
  readonly severity: Severity;
  /** The CLI command that replays the phase this failure was seen in (set by Results). */
  rerunCommand: string | undefined;
  constructor(readonly init: FailureInit) {
    this.severity = init.severity ?? 'high';
  }
  get check(): string {
    return this.init.check;
  }
  get operation(): string {
    return this.init.operation;
  }
  get message(): string {
    return this.init.message;
  }
  /** A one-line command that replays the request, or a hint when there is no single request. */
  get repro(): string {
    if (this.init.exchange) return toCurl(this.init.exchange.request);
    return this.rerunCommand ?? `imgate-conformance --target URL --phases ${ALL_PHASE_LIST}`;
  }
  toJSON(): Record<string, unknown> {
    const ex = this.init.exchange;
    return {
      defect: this.title,
      check: this.check,
      operation: this.operation,
      pointer: this.init.pointer,
      severity: this.severity,
      message: this.message,
      repro: this.repro,
      request: ex && { method: ex.request.method, url: ex.request.url, body: ex.request.body },
      response: ex && {
        status: ex.response.status,
        headers: ex.response.headers,
        body: ex.response.text.slice(0, 2000),
      },
      detail: this.init.detail,
    };
  }
}

const defect = (title: string, severity: Severity) =>
  class extends Failure {
    readonly title = title;
    constructor(init: FailureInit) {
      super({ severity, ...init });
    }
  };

/** 5xx, or no answer at all. */
export class ServerError extends defect('ServerError', 'critical') {}
/** A status the operation does not document. */
export class UndefinedStatusCode extends defect('UndefinedStatusCode', 'high') {}
/** A documented status, but not the one the example's response says. */
export class UnexpectedStatusCode extends defect('UnexpectedStatusCode', 'medium') {}
/** A content type the response does not document. */
export class UndefinedContentType extends defect('UndefinedContentType', 'high') {}
/** The body contradicts the documented schema (missing field, wrong type, out of range …). */
export class SchemaViolation extends defect('SchemaViolation', 'high') {}
/** A documented required header is missing or does not fit its schema. */
export class MissingHeader extends defect('MissingHeader', 'medium') {}
/** A body that breaks the schema was answered 2xx. */
export class AcceptedNegativeData extends defect('AcceptedNegativeData', 'high') {}
/** A body that fits the schema was refused as invalid. */
export class RejectedPositiveData extends defect('RejectedPositiveData', 'high') {}
/** A secured operation answered 2xx without valid credentials. */
export class IgnoredAuth extends defect('IgnoredAuth', 'critical') {}
/** A recalled or cleared message (or its content) came back. */
export class UseAfterFree extends defect('UseAfterFree', 'critical') {}
/** A push frame that does not fit any AsyncAPI message. */
export class PushSchemaViolation extends defect('PushSchemaViolation', 'high') {}
/** An `x-emits` operation succeeded but an entitled connection got no event in time. */
export class MissingPushEvent extends defect('MissingPushEvent', 'high') {}
/** A connection that is not entitled (a non-member) received an event. */
export class LeakedPushEvent extends defect('LeakedPushEvent', 'critical') {}
/** Two variants (or push) disagree about the same message. */
export class InconsistentViews extends defect('InconsistentViews', 'high') {}
/** A window answered more items than the request (or the documented default) allows. */
export class WindowExceeded extends defect('WindowExceeded', 'high') {}
/** Items are not in the documented order of their key. */
export class OutOfOrder extends defect('OutOfOrder', 'high') {}
/** An item outside the cursor's documented bound, or pages that overlap or skip items. */
export class CursorViolated extends defect('CursorViolated', 'high') {}
/** A counter that did not start, step or grow as documented. */
export class CounterBroken extends defect('CounterBroken', 'high') {}
/** A read mark (or a view of it) that did not move, or moved for someone else. */
export class ReadStateWrong extends defect('ReadStateWrong', 'high') {}
/** A retry with the same idempotency key did not get the first answer, or a conflicting reuse was accepted. */
export class NotIdempotent extends defect('NotIdempotent', 'high') {}
/** An answer about one conversation carried items of another. */
export class ConversationLeaked extends defect('ConversationLeaked', 'critical') {}
/** A value is not in the documented encoding (base64 alphabet, JSON inside, int64 form). */
export class EncodingViolation extends defect('EncodingViolation', 'high') {}
/** A map disagrees with the items it indexes (imchat `recalls` against `msgs`). */
export class MapInconsistent extends defect('MapInconsistent', 'high') {}
/** One event arrived more than once on one connection. */
export class DuplicatePushEvent extends defect('DuplicatePushEvent', 'high') {}
/** The event's actor field names someone other than the user who acted. */
export class WrongPushActor extends defect('WrongPushActor', 'high') {}
/** The push channel opened for a missing, forged or expired token (or refused a valid one). */
export class PushAuthIgnored extends defect('PushAuthIgnored', 'critical') {}
/** An answer the suite cannot use at all (undecodable, not JSON, cut off): the server's fault, reported. */
export class MalformedAnswer extends defect('MalformedAnswer', 'high') {}
