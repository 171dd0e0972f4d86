import type { DomainEvent } from '../../src/domain/events.ts';
import type { EventLogEntry, EventSource } from '../../src/push/index.ts';

/**
 * An in-memory event log with the contract of the store's tailable capped collection, plus
 * fault injection: `failOnOpen(n)` makes the next n tails throw at once, `failMidway(n)` makes the
 * next n entries delivered end their tail with an error right after them.
 */
export class MemoryEventSource implements EventSource<number> {
  readonly entries: Array<EventLogEntry<number>> = [];
  readonly tailsFrom: Array<number | undefined> = [];
  #wake = new Set<() => void>();
  #openFailures = 0;
  #midwayFailures = 0;

  append(event: DomainEvent): number {
    const id = this.entries.length + 1;
    this.entries.push({ id, event });
    for (const wake of this.#wake) wake();
    return id;
  }

  failOnOpen(count: number): void {
    this.#openFailures = count;
  }

  failMidway(count: number): void {
    this.#midwayFailures = count;
  }

  /** Like the store's: positioned at the current end when `fromId` is undefined (when first read). */
  async *tailEvents(fromId: number | undefined, signal: AbortSignal): AsyncIterable<EventLogEntry<number>> {
    this.tailsFrom.push(fromId);
    let next = fromId ?? this.entries.length;
    if (this.#openFailures > 0) {
      this.#openFailures -= 1;
      throw new Error('cursor killed');
    }
    while (!signal.aborted) {
      const entry = this.entries[next];
      if (entry !== undefined) {
        next += 1;
        yield entry;
        if (this.#midwayFailures > 0) {
          this.#midwayFailures -= 1;
          throw new Error('cursor killed midway');
        }
        continue;
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          this.#wake.delete(done);
          signal.removeEventListener('abort', done);
          resolve();
        };
        this.#wake.add(done);
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }
}
