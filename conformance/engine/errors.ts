/**
 * The "tool or document broke" error family. Kept apart from `Failure` (the server under test is
 * wrong) so that CI can tell a red server from a broken run: runner errors exit with code 2.
 */
export class RunnerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RunnerError';
  }
}

/** A document (OpenAPI/AsyncAPI) that cannot be used; `pointer` names the offending node. */
export class SpecError extends RunnerError {
  constructor(
    message: string,
    readonly file: string,
    readonly pointer: string,
  ) {
    super(`${file}${pointer}: ${message}`);
    this.name = 'SpecError';
  }
}

/** Narrowing predicate used by the CLI to pick the exit code. */
export function isRunnerError(error: unknown): error is RunnerError {
  return error instanceof RunnerError;
}
