import type { Collection, Db } from 'mongodb';
import { MAX_NUMBER, type NumberAllocator, type NumberKind } from '../domain/index.ts';
import { retryOnDuplicate } from './mongo-errors.ts';

/** `counters` documents: `hi` is the last number reserved by any instance for that kind. */
export interface CounterDocument {
  _id: NumberKind;
  hi: number;
}

/** How many numbers one round trip reserves. */
export const DEFAULT_BLOCK_SIZE = 1000;

interface Block {
  next: number;
  end: number;
  refill: Promise<void> | null;
}

/**
 * Hi/lo number allocation: each instance reserves a block with one `$inc` on its kind's counter
 * and hands numbers out of it in process, so no counter document becomes a per-message hot spot.
 * Numbers are unique across instances, increasing within one, and never reach 2^53.
 */
export function createNumberAllocator(db: Db, blockSize = DEFAULT_BLOCK_SIZE): NumberAllocator {
  const counters: Collection<CounterDocument> = db.collection('counters');
  const blocks = new Map<NumberKind, Block>();

  async function reserve(kind: NumberKind, block: Block): Promise<void> {
    const doc = await retryOnDuplicate(() =>
      counters.findOneAndUpdate(
        { _id: kind },
        { $inc: { hi: blockSize } },
        { upsert: true, returnDocument: 'after' },
      ),
    );
    if (!doc) throw new Error(`counter ${kind} was not returned`);
    if (doc.hi > MAX_NUMBER) throw new Error(`counter ${kind} passed 2^53`);
    block.next = doc.hi - blockSize + 1;
    block.end = doc.hi;
  }

  return {
    async next(kind) {
      let block = blocks.get(kind);
      if (!block) {
        block = { next: 1, end: 0, refill: null };
        blocks.set(kind, block);
      }
      while (block.next > block.end) {
        if (!block.refill) {
          const current = block;
          current.refill = reserve(kind, current).finally(() => {
            current.refill = null;
          });
        }
        await block.refill;
      }
      const num = block.next;
      block.next += 1;
      return num;
    },
  };
}
