/** A driver cursor or change stream: iterable, and closed to stop waiting on the server. */
export interface ClosableCursor<T> extends AsyncIterable<T> {
  close(): Promise<void>;
}

/**
 * Iterates `cursor` until `signal` aborts, closing it then (which ends a parked `getMore`) and on
 * any exit; an error after the abort is the close's own and ends the iteration quietly.
 */
export async function* untilAborted<T>(cursor: ClosableCursor<T>, signal: AbortSignal): AsyncGenerator<T> {
  const close = () => void cursor.close().catch(() => undefined);
  signal.addEventListener('abort', close, { once: true });
  try {
    for await (const item of cursor) {
      yield item;
      if (signal.aborted) return;
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  } finally {
    signal.removeEventListener('abort', close);
    close();
  }
}
