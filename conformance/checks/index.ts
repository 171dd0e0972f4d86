import type { Check } from '../engine/check-types.ts';
import { content_type_conformance } from './content-type-conformance.ts';
import { conversation_isolation } from './conversation-isolation.ts';
import { counter_monotonic } from './counter-monotonic.ts';
import { cross_variant_consistency } from './cross-variant-consistency.ts';
import { cursor_semantics } from './cursor-semantics.ts';
import { encoding_conformance } from './encoding-conformance.ts';
import { idempotent_retry } from './idempotent-retry.ts';
import { ignored_auth } from './ignored-auth.ts';
import { map_consistency } from './map-consistency.ts';
import { negative_data_rejection } from './negative-data-rejection.ts';
import { not_a_server_error } from './not-a-server-error.ts';
import { ordering } from './ordering.ts';
import { positive_data_acceptance } from './positive-data-acceptance.ts';
import { push_actor } from './push-actor.ts';
import { push_auth } from './push-auth.ts';
import { push_emitted } from './push-emitted.ts';
import { push_exactly_once } from './push-exactly-once.ts';
import { push_not_leaked } from './push-not-leaked.ts';
import { push_payload_conformance } from './push-payload-conformance.ts';
import { read_state } from './read-state.ts';
import { response_headers_conformance } from './response-headers-conformance.ts';
import { response_schema_conformance } from './response-schema-conformance.ts';
import { status_code_conformance } from './status-code-conformance.ts';
import { use_after_free } from './use-after-free.ts';
import { window_bounds } from './window-bounds.ts';

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
  ['window_bounds', window_bounds],
  ['ordering', ordering],
  ['cursor_semantics', cursor_semantics],
  ['conversation_isolation', conversation_isolation],
  ['encoding_conformance', encoding_conformance],
  ['map_consistency', map_consistency],
  ['counter_monotonic', counter_monotonic],
  ['read_state', read_state],
  ['idempotent_retry', idempotent_retry],
  ['push_exactly_once', push_exactly_once],
  ['push_actor', push_actor],
  ['push_auth', push_auth],
]);

/** Checks that judge one answer against the promises its operation declares (they run where declared). */
export const ANSWER_PROMISE_CHECKS: readonly string[] = [
  'window_bounds',
  'ordering',
  'cursor_semantics',
  'conversation_isolation',
  'encoding_conformance',
  'map_consistency',
];

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
  'push-expectation': ['push_emitted', 'push_not_leaked', 'push_actor'],
  'push-connection': ['push_exactly_once'],
  consistency: ['cross_variant_consistency'],
};
