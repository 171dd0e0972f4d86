/**
 * A bounded single-consumer queue that turns pushes into `AsyncIterator.next()` results. When the
 * consumer lags by more than `limit` items the oldest are dropped (push delivery is at most once;
 * clients gap-fill through the HTTP dialects), so memory stays bounded.
 */
export class EventQueue<T> {
  readonly #items: T[] = [];
  #head = 0;
  #waiter: ((result: IteratorResult<T, undefined>) => void) | undefined;
  #ended = false;

  constructor(
    private readonly limit: number,
    private readonly onOverflow: (dropped: number) => void,
  ) {}

  push(item: T): void {
    if (this.#ended) return;
    const waiter = this.#waiter;
    if (waiter !== undefined) {
      this.#waiter = undefined;
      waiter({ done: false, value: item });
      return;
    }
    this.#items.push(item);
    if (this.#items.length - this.#head > this.limit) {
      this.#head += 1;
      this.onOverflow(1);
    }
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items.splice(0, this.#head);
      this.#head = 0;
    }
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.#head < this.#items.length) {
      const value = this.#items[this.#head] as T;
      this.#head += 1;
      return Promise.resolve({ done: false, value });
    }
    if (this.#ended) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => {
      this.#waiter = resolve;
    });
  }

  /** No more items: a waiting and every later `next()` resolve as done once the queue is drained. */
  end(): void {
    this.#ended = true;
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.({ done: true, value: undefined });
  }
}
