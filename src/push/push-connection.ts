import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { CloseCode } from './close-codes.ts';
import { DeliveryCredit, wireBytes } from './delivery-credit.ts';
import type { PushFormat } from './push-format.ts';

/** Frames are JSON text, sent from a shared Buffer. */
const TEXT_FRAME = { binary: false } as const;

export interface PushConnectionOptions {
  /** Frames (of the size being sent) that may wait in user space before the consumer is cut off. */
  readonly queueLimit: number;
  /** Bytes sent but not yet confirmed read by a pong (user space and kernel buffers) before the cut-off. */
  readonly backlogBytes: number;
  /** How long a closing slow consumer may still drain before its socket and buffers are dropped. */
  readonly closeGraceMs: number;
  /** Called once when the connection is cut off for falling behind. */
  readonly onSlowConsumer: (connection: PushConnection) => void;
}

/**
 * One authenticated WebSocket of one user. It bounds what the server holds for a client that
 * reads too slowly: once the bytes sent and not yet confirmed read by a pong reach `backlogBytes`
 * (see `delivery-credit.ts`: this counts the kernel's socket buffers too), or the bytes waiting in
 * user space (`ws.bufferedAmount`) reach `queueLimit` frames, the connection is closed with 4429
 * (`asyncapi/push.yaml`, slow consumer), nothing more is queued, and the socket with its buffers
 * is destroyed after a short grace, so server memory never grows with a slow reader.
 *
 * `bufferedAmount` drops as soon as a write reaches the kernel, unlike write callbacks, which run
 * a tick later: a fast client is never cut off by a burst of events delivered in one tick.
 */
export class PushConnection {
  /** Pings sent since the last pong (see `heartbeat.ts`). */
  missedPongs = 0;
  /** True once the hub stopped sending to this connection (closing or closed). */
  stopped = false;

  readonly #options: PushConnectionOptions;
  #held = false;
  /** While held: the bytes that were already waiting when the hold began, and the frames added since. */
  #backlogAtHold = 0;
  #heldFrames = 0;
  readonly credit: DeliveryCredit;

  constructor(
    readonly ws: WebSocket,
    /** The TCP socket under `ws` (the one the upgrade came on), corked while a batch is built. */
    readonly socket: Duplex,
    readonly userId: string,
    readonly format: PushFormat,
    options: PushConnectionOptions,
  ) {
    this.#options = options;
    this.credit = new DeliveryCredit(ws, Math.max(1, Math.floor(options.backlogBytes / 4)));
  }

  /**
   * Queues one frame; returns false when it was not queued (stopped, or the queue overflowed).
   * While held, the user-space backlog is what was waiting before the hold (corking is not lag),
   * and a batch never holds more than `queueLimit` frames: beyond that it is written at once. The
   * unconfirmed bytes count every frame, batched or not: they are bytes the client has not read.
   */
  send(frame: Buffer): boolean {
    if (this.stopped) return false;
    if (this.#held && this.#heldFrames >= this.#options.queueLimit) this.release();
    const backlog = this.#held ? this.#backlogAtHold : this.ws.bufferedAmount;
    if (
      backlog >= this.#options.queueLimit * frame.length ||
      this.credit.unconfirmed + wireBytes(frame.length) > this.#options.backlogBytes
    ) {
      this.#cutOff();
      return false;
    }
    if (this.#held) this.#heldFrames += 1;
    this.ws.send(frame, TEXT_FRAME);
    this.credit.noteSent(frame.length);
    return true;
  }

  /**
   * Holds this connection's writes (corks its socket) until `release()`, so that the frames of
   * several events sent in one tick leave in one write. False when already held or stopped.
   */
  hold(): boolean {
    if (this.#held || this.stopped) return false;
    this.#held = true;
    this.#backlogAtHold = this.ws.bufferedAmount;
    this.#heldFrames = 0;
    this.socket.cork();
    return true;
  }

  /** Writes what `hold()` kept back. */
  release(): void {
    if (!this.#held) return;
    this.#held = false;
    if (!this.socket.destroyed) this.socket.uncork();
  }

  /** Closes with `code` and stops sending; the socket is destroyed if the peer does not finish the handshake in `graceMs`. */
  close(code: CloseCode, reason: string, graceMs: number): void {
    this.stopped = true;
    this.release();
    const ws = this.ws;
    if (ws.readyState === ws.CLOSED) return;
    ws.close(code, reason);
    this.#dropAfter(graceMs);
  }

  /**
   * After a protocol error (a frame above `maxPayload`, a malformed frame) ws has already sent
   * its close frame and stopped reading: stop sending, and drop the socket after `graceMs`
   * instead of ws's 30 s closing timeout.
   */
  closeAfterError(graceMs: number): void {
    this.stopped = true;
    this.release();
    if (this.ws.readyState === this.ws.CLOSED) return;
    this.#dropAfter(graceMs);
  }

  #dropAfter(graceMs: number): void {
    const ws = this.ws;
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
