/**
 * What the gateway run may legitimately leave out, each with its reason. The list must stay
 * short; docs/conformance.md repeats it.
 */

/** Documented non-5xx statuses a correct server never gives this run, by `variant:operation status`. */
export const UNREACHABLE: Readonly<Record<string, string>> = {
  'admin:createToken 404':
    'only in production mode, where /admin/tokens does not exist; the suite needs a development-mode ' +
    'gateway to mint fixture tokens, so this status cannot be reached in the same run',
};
