import type { Check } from '../engine/check-types.ts';
import { content_type_conformance } from './content-type-conformance.ts';
import { cross_variant_consistency } from './cross-variant-consistency.ts';
import { ignored_auth } from './ignored-auth.ts';
import { negative_data_rejection } from './negative-data-rejection.ts';
import { not_a_server_error } from './not-a-server-error.ts';
import { positive_data_acceptance } from './positive-data-acceptance.ts';
import { push_emitted } from './push-emitted.ts';
import { push_not_leaked } from './push-not-leaked.ts';
import { push_payload_conformance } from './push-payload-conformance.ts';
import { response_headers_conformance } from './response-headers-conformance.ts';
import { response_schema_conformance } from './response-schema-conformance.ts';
import { status_code_conformance } from './status-code-conformance.ts';
import { use_after_free } from './use-after-free.ts';

/**
 * The registry: every check by name, in report order. Phases run all of them on every input;
 * a check that has nothing to say about an input returns no failures.
 */
export const CHECKS: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['not_a_server_error', not_a_server_error],
  ['status_code_conformance', status_code_conformance],
  ['content_type_conformance', content_type_conformance],
  ['response_schema_conformance', response_schema_conformance],
  ['response_headers_conformance', response_headers_conformance],
  ['negative_data_rejection', negative_data_rejection],
  ['positive_data_acceptance', positive_data_acceptance],
  ['ignored_auth', ignored_auth],
  ['use_after_free', use_after_free],
  ['push_payload_conformance', push_payload_conformance],
  ['push_emitted', push_emitted],
  ['push_not_leaked', push_not_leaked],
  ['cross_variant_consistency', cross_variant_consistency],
]);

/** Which checks apply to which kind of input (for reports: a check "ran" only where it applies). */
export const CHECK_SCOPE: Readonly<Record<string, readonly string[]>> = {
  response: [
    'not_a_server_error',
    'status_code_conformance',
    'content_type_conformance',
    'response_schema_conformance',
    'response_headers_conformance',
  ],
  negative: ['negative_data_rejection'],
  positive: ['positive_data_acceptance'],
  auth: ['ignored_auth'],
  freed: ['use_after_free'],
  'push-frame': ['push_payload_conformance'],
  'push-expectation': ['push_emitted', 'push_not_leaked'],
  consistency: ['cross_variant_consistency'],
};
