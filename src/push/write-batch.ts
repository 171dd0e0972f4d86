import type { PushConnection } from './push-connection.ts';

/**
 * Coalesces the frames sent to one connection during one turn of the event loop into a single
 * socket write: each connection touched is corked on first use and uncorked in `setImmediate`.
 * An idle hub adds no measurable delay (the check phase follows at once); under load, when the
 * bus hands over several events per turn, one syscall carries them all instead of one per frame.
 */
export class WriteBatch {
  #held: PushConnection[] = [];
  #scheduled = false;
  readonly #flush = () => this.flush();

  /** Holds `connection`'s writes until the end of this turn. */
  add(connection: PushConnection): void {
    if (!connection.hold()) return;
    this.#held.push(connection);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#flush);
    }
  }

  /** Releases every held connection now. */
  flush(): void {
    this.#scheduled = false;
    const held = this.#held;
    this.#held = [];
    for (const connection of held) connection.release();
  }
}
