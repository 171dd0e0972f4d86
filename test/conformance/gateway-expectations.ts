/**
 * What the gateway run may legitimately leave out or get wrong, each with its reason. Both lists
 * must stay short; docs/conformance.md repeats them.
 */

/** A defect of the gateway (not of the suite) the run reports today; see docs/conformance.md. */
export interface KnownDefect {
  readonly what: string;
  readonly failure: RegExp;
}

export const KNOWN_DEFECTS: readonly KnownDefect[] = [
  {
    what:
      'clear-chat-ids by an admin that is not a provisioned user pushes `withdraw message` with user_id 0 ' +
      '(src/domain/access.ts actorNum), but asyncapi/push.yaml requires user_id >= 1',
    failure: /^PushSchemaViolation push: \w+: withdrawMessage: \/user_id must be >= 1$/,
  },
];

/** Documented non-5xx statuses no request can get from a correct server, by `variant:operation status`. */
export const UNREACHABLE: Readonly<Record<string, string>> = {};
