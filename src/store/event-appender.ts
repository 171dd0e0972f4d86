import { type Collection, MongoBulkWriteError } from 'mongodb';
import type { EventDocument } from './event-tail.ts';

interface Pending {
  readonly doc: EventDocument;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the event log: events appended while an insert is in flight wait for it and
 * then go together in one ordered `insertMany`, so under load one command carries the events of
 * many sends (and costs the store one command), while a lone event is written at once. Each
 * append resolves when its own document is acknowledged.
 */
export function createEventAppender(
  events: Collection<EventDocument>,
): (doc: EventDocument) => Promise<void> {
  let pending: Pending[] = [];
  let writing = false;

  async function flush(): Promise<void> {
    writing = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await events.insertMany(
          batch.map((p) => p.doc),
          { ordered: true },
        );
        for (const p of batch) p.resolve();
      } catch (error) {
        settleFailed(batch, error);
      }
    }
    writing = false;
  }

  return function append(doc) {
    return new Promise<void>((resolve, reject) => {
      pending.push({ doc, resolve, reject });
      if (!writing) void flush();
    });
  };
}

/** An ordered batch stops at its first refused document: the ones before it were written. */
function settleFailed(batch: readonly Pending[], error: unknown): void {
  const written = error instanceof MongoBulkWriteError ? error.insertedCount : 0;
  batch.forEach((p, index) => (index < written ? p.resolve() : p.reject(error)));
}
