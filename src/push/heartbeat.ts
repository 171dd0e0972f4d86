import { CloseCode } from './close-codes.ts';
import type { PushConnection } from './push-connection.ts';

/** Pings that may go unanswered before a connection is declared dead (`asyncapi/push.yaml`: two). */
export const MAX_MISSED_PONGS = 2;

/**
 * One timer for all connections: every `intervalMs` each connection is pinged; one whose last
 * two pings were never answered is closed with 4408 and its socket destroyed at once (a dead
 * peer will not complete a closing handshake). Clients need nothing special: WebSocket stacks,
 * browsers included, answer pings on their own.
 */
export function startHeartbeat(
  intervalMs: number,
  connections: () => Iterable<PushConnection>,
  onTimeout: (connection: PushConnection) => void,
): () => void {
  const timer = setInterval(function heartbeatTick() {
    for (const connection of connections()) {
      if (connection.stopped) continue;
      if (connection.missedPongs >= MAX_MISSED_PONGS) {
        connection.close(CloseCode.heartbeatTimeout, 'heartbeat timeout', 0);
        onTimeout(connection);
        continue;
      }
      connection.missedPongs += 1;
      connection.credit.probe();
    }
  }, intervalMs);
  timer.unref();
  return function stopHeartbeat() {
    clearInterval(timer);
  };
}

/** Resets the missed-pong count and confirms what the pong proves read; wired to the socket's `pong` event. */
export function notePong(connection: PushConnection, data?: Buffer): void {
  connection.missedPongs = 0;
  if (data !== undefined) connection.credit.notePong(data);
}
