import type { Document } from 'bson';
import { CommandError } from '../errors.ts';

/** mongod's names for the codes only change streams raise here. */
const STREAM_CODE_NAMES: Record<number, string> = {
  20: 'IllegalOperation',
  238: 'NotImplemented',
  280: 'ChangeStreamFatalError',
  286: 'ChangeStreamHistoryLost',
  40324: 'Location40324',
  40415: 'Location40415',
  40573: 'Location40573',
  40674: 'Location40674',
};

/** Labelled as mongod labels it: the driver must not try to resume after it. */
export const NON_RESUMABLE = { errorLabels: ['NonResumableChangeStreamError'] };

/**
 * A change-stream failure with mongod's code and code name (`codeName` rides in the reply's
 * extra fields, so the shared code table in `errors.ts` need not list every stream code).
 */
export function streamError(code: number, message: string, extra: Document = {}): CommandError {
  return new CommandError(code, message, { codeName: STREAM_CODE_NAMES[code] ?? 'UnknownError', ...extra });
}
