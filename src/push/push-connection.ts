import type { WebSocket } from 'ws';
import { CloseCode } from './close-codes.ts';
import type { PushFormat } from './push-format.ts';

/** Frames are JSON text, sent from a shared Buffer. */
const TEXT_FRAME = { binary: false } as const;

export interface PushConnectionOptions {
  /** Most frames that may wait unsent (not yet handed to the kernel) before the consumer is cut off. */
  readonly queueLimit: number;
  /** How long a closing slow consumer may still drain before its socket and buffers are dropped. */
  readonly closeGraceMs: number;
  /** Called once when the connection is cut off for falling behind. */
  readonly onSlowConsumer: (connection: PushConnection) => void;
}

/**
 * One authenticated WebSocket of one user. It bounds what the server holds for a client that
 * reads too slowly: once more than `queueLimit` frames are pending, the connection is closed with
 * 4429 (`asyncapi/push.yaml`, slow consumer), nothing more is queued, and the socket with its
 * buffers is destroyed after a short grace, so server memory never grows with a slow reader.
 */
export class PushConnection {
  /** Pings sent since the last pong (see `heartbeat.ts`). */
  missedPongs = 0;
  /** Frames handed to `ws` whose write has not completed. */
  pending = 0;
  /** True once the hub stopped sending to this connection (closing or closed). */
  stopped = false;

  readonly #options: PushConnectionOptions;
  readonly #onWritten: () => void;

  constructor(
    readonly ws: WebSocket,
    readonly userId: string,
    readonly format: PushFormat,
    options: PushConnectionOptions,
  ) {
    this.#options = options;
    // One callback per connection, not one closure per frame.
    this.#onWritten = () => {
      this.pending -= 1;
    };
  }

  /** Queues one frame; returns false when the frame was not queued (stopped or overflowing). */
  send(frame: Buffer): boolean {
    if (this.stopped) return false;
    if (this.pending >= this.#options.queueLimit) {
      this.#cutOff();
      return false;
    }
    this.pending += 1;
    this.ws.send(frame, TEXT_FRAME, this.#onWritten);
    return true;
  }

  /** Closes with `code` and stops sending; the socket is destroyed if the peer does not finish the handshake in `graceMs`. */
  close(code: CloseCode, reason: string, graceMs: number): void {
    this.stopped = true;
    const ws = this.ws;
    if (ws.readyState === ws.CLOSED) return;
    ws.close(code, reason);
    if (graceMs <= 0) {
      ws.terminate();
      return;
    }
    const timer = setTimeout(function dropAfterGrace() {
      ws.terminate();
    }, graceMs);
    timer.unref();
    ws.once('close', function cancelDrop() {
      clearTimeout(timer);
    });
  }

  #cutOff(): void {
    this.close(CloseCode.slowConsumer, 'slow consumer', this.#options.closeGraceMs);
    this.#options.onSlowConsumer(this);
  }
}
