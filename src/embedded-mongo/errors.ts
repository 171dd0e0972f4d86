import type { Document } from 'bson';

/** MongoDB's error code names, for the codes this server raises (src/mongo/base/error_codes.yml). */
const CODE_NAMES: Record<number, string> = {
  1: 'InternalError',
  2: 'BadValue',
  6: 'HostUnreachable',
  7: 'HostNotFound',
  8: 'UnknownError',
  9: 'FailedToParse',
  13: 'Unauthorized',
  14: 'TypeMismatch',
  26: 'NamespaceNotFound',
  40: 'ConflictingUpdateOperators',
  27: 'IndexNotFound',
  43: 'CursorNotFound',
  48: 'NamespaceExists',
  50: 'MaxTimeMSExpired',
  52: 'DollarPrefixedFieldName',
  59: 'CommandNotFound',
  64: 'WriteConcernFailed',
  66: 'ImmutableField',
  67: 'CannotCreateIndex',
  72: 'InvalidOptions',
  73: 'InvalidNamespace',
  85: 'IndexOptionsConflict',
  89: 'NetworkTimeout',
  91: 'ShutdownInProgress',
  86: 'IndexKeySpecsConflict',
  112: 'WriteConflict',
  115: 'CommandNotSupported',
  166: 'CommandNotSupportedOnView',
  167: 'OptionNotSupportedOnView',
  189: 'PrimarySteppedDown',
  171: 'CannotIndexParallelArrays',
  197: 'InvalidIndexSpecificationOption',
  238: 'NotImplemented',
  262: 'ExceededTimeLimit',
  342: 'InvalidLength',
  9001: 'SocketException',
  10107: 'NotWritablePrimary',
  11000: 'DuplicateKey',
  11600: 'InterruptedAtShutdown',
  13435: 'NotPrimaryNoSecondaryOk',
  17276: 'Location17276',
  40414: 'Location40414',
  40415: 'Location40415',
};

/**
 * A command failure with MongoDB's code: rendered as `{ok: 0, errmsg, code, codeName}` (or as a
 * write error entry), so the official driver raises the same MongoServerError it would against mongod.
 */
export class CommandError extends Error {
  readonly codeName: string;

  constructor(
    readonly code: number,
    message: string,
    readonly extra: Document = {},
  ) {
    super(message);
    this.name = 'CommandError';
    this.codeName = CODE_NAMES[code] ?? 'UnknownError';
  }

  /** The reply document of a failed command. */
  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }

  /** One entry of a write command's `writeErrors` array. */
  toWriteError(index: number): Document {
    return { index, code: this.code, codeName: this.codeName, errmsg: this.message, ...this.extra };
  }
}

/**
 * Converts anything thrown by a handler into a CommandError: mingo errors become BadValue, except
 * an undefined `$$variable`, which mongod reports as Location17276.
 */
export function asCommandError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CommandError(message.startsWith('Use of undefined variable') ? 17276 : 2, message);
}
