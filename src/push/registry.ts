import type { PushConnection } from './push-connection.ts';

/**
 * Who is connected: user id -> that user's open connections. A user with several devices gets
 * each event on every one of them. Routing is only by the event's `audience`, which the domain
 * computed; the registry applies no rules of its own.
 */
export class ConnectionRegistry {
  readonly #byUser = new Map<string, Set<PushConnection>>();
  #size = 0;

  add(connection: PushConnection): void {
    let set = this.#byUser.get(connection.userId);
    if (set === undefined) {
      set = new Set();
      this.#byUser.set(connection.userId, set);
    }
    if (!set.has(connection)) {
      set.add(connection);
      this.#size += 1;
    }
  }

  remove(connection: PushConnection): void {
    const set = this.#byUser.get(connection.userId);
    if (set === undefined || !set.delete(connection)) return;
    this.#size -= 1;
    if (set.size === 0) this.#byUser.delete(connection.userId);
  }

  /** The open connections of `userId` (empty when none). */
  connectionsOf(userId: string): ReadonlySet<PushConnection> {
    return this.#byUser.get(userId) ?? EMPTY;
  }

  /** Every connection, for heartbeats and shutdown. */
  *all(): IterableIterator<PushConnection> {
    for (const set of this.#byUser.values()) yield* set;
  }

  get connections(): number {
    return this.#size;
  }

  get users(): number {
    return this.#byUser.size;
  }
}

const EMPTY: ReadonlySet<PushConnection> = new Set();
