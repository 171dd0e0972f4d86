import type { Actor } from '../domain/actor.ts';
import type { EventFeed, PushLogger } from './event-feed.ts';

/** What `attachPushHub` is built from: authentication, the event feed, and the per-connection limits. */
export interface PushHubDeps {
  /** Resolves a bearer token to its user; rejects (any error) when the token is not valid. */
  authenticate(token: string): Promise<Actor>;
  /** The events to deliver: the cross-instance bus, or an in-process subscribe function. */
  events: EventFeed;
  logger: PushLogger;
  /** Ping interval; two unanswered pings close the connection with 4408. Default 30 s. */
  heartbeatMs?: number;
  /** Frames that may wait per connection before it is closed with 4429. Default 1024 (`asyncapi/push.yaml`). */
  queueLimit?: number;
  /** Bytes sent to a connection and not yet confirmed read (by a pong) before it is closed with 4429. Default 256 KiB. */
  backlogBytes?: number;
  /** Largest client frame accepted; a bigger one closes the connection with 1009. Default 4 KiB. */
  maxPayload?: number;
  /** Open connections one user may have; one more is refused with 429. Default 16. */
  maxConnectionsPerUser?: number;
  /** How long a closing connection may drain before its socket is destroyed. Default 1 s. */
  closeGraceMs?: number;
}

/** Defaults of the limits (`WS_BACKLOG_BYTES`, `WS_MAX_PAYLOAD`, `WS_MAX_CONNECTIONS_PER_USER`). */
export const PUSH_LIMIT_DEFAULTS = {
  backlogBytes: 256 * 1024,
  maxPayload: 4096,
  maxConnectionsPerUser: 16,
} as const;

/** Counters for health endpoints, logs and tests. */
export interface PushHubStats {
  readonly connections: number;
  readonly users: number;
  readonly eventsReceived: number;
  readonly framesSent: number;
  readonly slowConsumersClosed: number;
  readonly heartbeatTimeouts: number;
  readonly refusedUpgrades: number;
  /** Bytes queued in user space and not yet written to the kernel, over all connections. */
  readonly bufferedBytes: number;
}

export interface PushHub {
  /** Closes every connection with 1001, stops the heartbeat and the event feed. */
  close(): Promise<void>;
  stats(): PushHubStats;
}
