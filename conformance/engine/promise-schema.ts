/**
 * The JSON Schema of one `x-imgate-promises` entry, per check: what each check reads from its
 * promise (docs/conformance.md#promises). The loader refuses a promise that does not fit, with
 * its JSON pointer, so another team's documents fail loudly instead of being checked wrongly.
 */
const pointer = { type: 'string', pattern: '^(/.*)?$' };
const pointers = { type: 'array', items: pointer, minItems: 1 };
const scalar = { type: ['integer', 'string'] };

const byCheck: Record<string, { required: string[]; properties: Record<string, unknown> }> = {
  window_bounds: {
    required: ['items', 'limit'],
    properties: { items: pointer, limit: pointer, default: { type: 'integer' } },
  },
  ordering: {
    required: ['items', 'key', 'order'],
    properties: {
      items: pointer,
      key: pointer,
      order: { enum: ['ascending', 'descending'] },
      decode: { const: 'base64-json' },
    },
  },
  cursor_semantics: {
    required: ['items', 'key', 'cursor', 'bound'],
    properties: {
      items: pointer,
      key: pointer,
      cursor: pointer,
      limit: pointer,
      direction: pointer,
      forward: scalar,
      backward: scalar,
      bound: { enum: ['inclusive', 'exclusive'] },
      none: { type: 'integer' },
      latest: { type: 'integer' },
      decode: { const: 'base64-json' },
    },
  },
  counter_monotonic: {
    required: ['counter'],
    properties: {
      counter: { type: 'string' },
      value: pointer,
      scope: pointer,
      start: { type: 'integer' },
      step: { type: 'integer', minimum: 1 },
    },
  },
  read_state: {
    required: [],
    properties: {
      mark: pointer,
      conversation: pointer,
      reader: { const: 'caller' },
      views: { type: 'array' },
      view: { type: 'string' },
    },
  },
  idempotent_retry: {
    required: ['keys', 'conflict'],
    properties: { keys: pointers, answer: pointer, change: pointer, conflict: { type: 'integer' } },
  },
  conversation_isolation: {
    required: ['items', 'conversation', 'anyOf'],
    properties: { items: pointer, conversation: pointer, anyOf: pointers, where: { type: 'object' } },
  },
  encoding_conformance: {
    required: ['items', 'encoding'],
    properties: { items: pointer, encoding: { const: 'base64' }, schema: { type: ['string', 'object'] } },
  },
  map_consistency: {
    required: ['map', 'items', 'mapKey', 'mapValue'],
    properties: { map: pointer, items: pointer, mapKey: pointer, mapValue: pointer },
  },
  use_after_free: { required: [], properties: {} },
  push_emitted: { required: [], properties: { deadline_ms: { type: 'integer', minimum: 1 } } },
  push_not_leaked: { required: [], properties: {} },
  push_exactly_once: { required: ['keys'], properties: { keys: pointers } },
  push_actor: { required: ['actor'], properties: { actor: pointer } },
  push_auth: {
    required: ['refuse', 'forms'],
    properties: {
      refuse: { type: 'array', items: { enum: ['missing', 'forged', 'expired'] } },
      forms: { type: 'array', items: { enum: ['header', 'query'] } },
      status: { type: 'integer' },
    },
  },
};

/** One schema for every promise: `check` selects the parameters it must carry. */
export const PROMISE_SCHEMA = {
  type: 'object',
  required: ['id', 'check'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9-]*$' },
    check: { enum: Object.keys(byCheck) },
    description: { type: 'string' },
  },
  allOf: Object.entries(byCheck).map(([check, rule]) => ({
    if: { properties: { check: { const: check } } },
    then: {
      required: rule.required,
      properties: { id: true, check: true, description: true, ...rule.properties },
      additionalProperties: false,
    },
  })),
} as const;

/** The checks a promise may name. */
export const PROMISE_CHECKS: readonly string[] = Object.keys(byCheck);
