/**
 * WebSocket close codes the push channel uses, as documented in `asyncapi/push.yaml` ("Heartbeat
 * and close codes" in its description). Clients tell a dead link (4408) from a consumer that fell
 * behind (4429) from a server that is going away (1001), reconnect, and gap-fill over HTTP.
 */
export const CloseCode = {
  /** The server is shutting down (RFC 6455 "going away"): reconnect to another instance. */
  shutdown: 1001,
  /** The client sent a frame above `WS_MAX_PAYLOAD` (RFC 6455 "message too big"); ws sends it. */
  messageTooBig: 1009,
  /** Two consecutive pings went unanswered: the connection is considered dead. */
  heartbeatTimeout: 4408,
  /** The client read too slowly: its bounded backlog (`WS_BACKLOG_BYTES`, `WS_QUEUE_LIMIT`) overflowed; events were dropped. */
  slowConsumer: 4429,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
