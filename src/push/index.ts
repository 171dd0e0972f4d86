/**
 * The WebSocket push channel of `asyncapi/push.yaml`: the hub that serves `/ws`, the seed-001 and
 * canonical renderers, and the bus that shares events between gateway instances.
 */
export { createEventBus, type EventBus, type EventBusOptions } from './bus.ts';
export { CloseCode } from './close-codes.ts';
export type { EventFeed, PushLogger, SubscribeEvents } from './event-feed.ts';
export type { EventLogEntry, EventSource } from './event-source.ts';
export { attachPushHub, type PushHub, type PushHubDeps, type PushHubStats } from './hub.ts';
export { type PushFormat, parsePushFormat } from './push-format.ts';
export { type CanonicalPayload, renderCanonicalText, toCanonicalPayload } from './render-canonical.ts';
export { renderSeedText, type SeedPayload, type SeedStatus, toSeedPayload } from './render-seed.ts';
