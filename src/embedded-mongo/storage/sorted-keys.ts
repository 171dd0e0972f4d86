/**
 * A sorted multiset of (key, record id) pairs kept in blocks of bounded size.
 *
 * Why blocks: a single sorted array costs O(n) per insert (a 1M-entry splice), a block list costs
 * O(log n + block size) while staying as compact as parallel arrays. Pairs order by key, then record id.
 */

const MAX_BLOCK = 1024;

interface Block {
  keys: string[];
  rids: number[];
}

function comparePair(keyA: string, ridA: number, keyB: string, ridB: number): number {
  if (keyA < keyB) return -1;
  if (keyA > keyB) return 1;
  return ridA - ridB;
}

/** Position of a pair inside the block list. */
interface Position {
  block: number;
  offset: number;
}

export class SortedKeys {
  private blocks: Block[] = [{ keys: [], rids: [] }];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Replaces the content with pairs already sorted by (key, rid): the fast path for loading. */
  bulkLoad(keys: string[], rids: number[]): void {
    this.blocks = [];
    for (let i = 0; i < keys.length; i += MAX_BLOCK / 2) {
      this.blocks.push({ keys: keys.slice(i, i + MAX_BLOCK / 2), rids: rids.slice(i, i + MAX_BLOCK / 2) });
    }
    if (this.blocks.length === 0) this.blocks.push({ keys: [], rids: [] });
    this.count = keys.length;
  }

  insert(key: string, rid: number): void {
    const at = this.seek(key, rid);
    const block = this.blocks[at.block] as Block;
    block.keys.splice(at.offset, 0, key);
    block.rids.splice(at.offset, 0, rid);
    this.count++;
    if (block.keys.length > MAX_BLOCK) {
      const half = block.keys.length >> 1;
      const upper: Block = { keys: block.keys.splice(half), rids: block.rids.splice(half) };
      this.blocks.splice(at.block + 1, 0, upper);
    }
  }

  remove(key: string, rid: number): boolean {
    const at = this.seek(key, rid);
    const block = this.blocks[at.block] as Block;
    if (block.keys[at.offset] !== key || block.rids[at.offset] !== rid) return false;
    block.keys.splice(at.offset, 1);
    block.rids.splice(at.offset, 1);
    this.count--;
    if (block.keys.length === 0 && this.blocks.length > 1) this.blocks.splice(at.block, 1);
    return true;
  }

  /** Record ids stored under exactly `key`, in record id order. */
  ridsOf(key: string): number[] {
    const out: number[] = [];
    for (const rid of this.range(key, `${key}\0`, false)) {
      out.push(rid);
    }
    return out.filter((rid, i) => i === 0 || rid !== out[i - 1]);
  }

  /** Record ids whose key lies in [lo, hi), ascending or descending by key. */
  *range(lo: string, hi: string, reverse: boolean): Generator<number> {
    if (!reverse) {
      let { block, offset } = this.seek(lo, Number.NEGATIVE_INFINITY);
      for (; block < this.blocks.length; block++, offset = 0) {
        const { keys, rids } = this.blocks[block] as Block;
        for (; offset < keys.length; offset++) {
          if ((keys[offset] as string) >= hi) return;
          yield rids[offset] as number;
        }
      }
      return;
    }
    let { block, offset } = this.seek(hi, Number.NEGATIVE_INFINITY);
    offset--;
    for (; block >= 0; block--) {
      const { keys, rids } = this.blocks[block] as Block;
      if (offset >= keys.length) offset = keys.length - 1;
      for (; offset >= 0; offset--) {
        if ((keys[offset] as string) < lo) return;
        yield rids[offset] as number;
      }
      offset = Number.MAX_SAFE_INTEGER;
    }
  }

  /** First position whose pair is >= (key, rid). */
  private seek(key: string, rid: number): Position {
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      const block = this.blocks[mid] as Block;
      const last = block.keys.length - 1;
      if (comparePair(block.keys[last] as string, block.rids[last] as number, key, rid) < 0) low = mid + 1;
      else high = mid;
    }
    const { keys, rids } = this.blocks[low] as Block;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePair(keys[mid] as string, rids[mid] as number, key, rid) < 0) lo = mid + 1;
      else hi = mid;
    }
    return { block: low, offset: lo };
  }
}
