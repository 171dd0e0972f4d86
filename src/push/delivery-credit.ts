import type { WebSocket } from 'ws';

/** Outstanding probes kept per connection; older ones are dropped (a later pong confirms more anyway). */
const MAX_PROBES = 8;

/**
 * What a client has provably read. The kernel's socket buffers (a few MB on each side) swallow
 * whatever a stalled client does not read, so neither `ws.bufferedAmount` nor write callbacks
 * notice it in time. A pong does: TCP delivers in order, so the pong answering a ping proves the
 * client read every byte sent before that ping. Each ping carries a probe number and remembers how
 * many bytes had been sent; `unconfirmed` (bytes sent minus bytes confirmed) then bounds the
 * whole backlog, user space and kernel alike, with no platform-specific socket inspection.
 * Probe numbers are random, so a client cannot confirm a ping it has not read by guessing.
 */
export class DeliveryCredit {
  /** Bytes of frames handed to `ws` (payload plus frame header). */
  sent = 0;
  /** Bytes the client has provably read (as of its latest pong). */
  confirmed = 0;
  #lastProbeAt = 0;
  readonly #probes: Array<{ id: number; at: number }> = [];

  constructor(
    private readonly ws: WebSocket,
    /** Sent bytes after which a new probe goes out, so confirmations keep up with a fast reader. */
    private readonly probeEvery: number,
  ) {}

  get unconfirmed(): number {
    return this.sent - this.confirmed;
  }

  /** Counts a frame of `payloadBytes` and sends a probe when enough went out since the last one. */
  noteSent(payloadBytes: number): void {
    this.sent += wireBytes(payloadBytes);
    if (this.sent - this.#lastProbeAt >= this.probeEvery) this.probe();
  }

  /** Sends a ping carrying a probe number (the heartbeat uses it too). */
  probe(): void {
    const id = Math.floor(Math.random() * 0x1_0000_0000);
    this.#lastProbeAt = this.sent;
    this.#probes.push({ id, at: this.sent });
    if (this.#probes.length > MAX_PROBES) this.#probes.shift();
    const payload = Buffer.allocUnsafe(4);
    payload.writeUInt32BE(id, 0);
    this.ws.ping(payload);
  }

  /** A pong arrived: everything sent before the probe it answers has been read. */
  notePong(data: Buffer): void {
    if (data.length !== 4) return;
    const id = data.readUInt32BE(0);
    const index = this.#probes.findIndex((probe) => probe.id === id);
    if (index < 0) return;
    this.confirmed = Math.max(this.confirmed, (this.#probes[index] as { at: number }).at);
    this.#probes.splice(0, index + 1);
  }
}

/** A server frame's size on the wire: the payload and an RFC 6455 header of 2, 4 or 10 bytes. */
export function wireBytes(payloadBytes: number): number {
  if (payloadBytes < 126) return payloadBytes + 2;
  return payloadBytes + (payloadBytes < 65_536 ? 4 : 10);
}
