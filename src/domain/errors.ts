/**
 * The one error family the domain raises. Each dialect renders it in its own error body
 * (`{code, data: null, msg}` for messages, `{code, msg}` for imchat, record and admin);
 * `status` is the HTTP status every dialect uses for that kind.
 */
export type DomainErrorKind =
  | 'invalid' // 400: the request is well-formed but its values do not fit (the validator catches shape errors first)
  | 'unauthenticated' // 401
  | 'forbidden' // 403: authenticated, but not allowed (non-member, not the sender, not admin)
  | 'not_found' // 404
  | 'conflict' // 409: same client id with different content, duplicate user or chat
  | 'too_large'; // 413

const STATUS: Record<DomainErrorKind, 400 | 401 | 403 | 404 | 409 | 413> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
};

export class DomainError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413;
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = STATUS[kind];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
