import { expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { sentEvent as sent } from './rows.ts';

/** What the push bus relies on: a tail restarted from an id a tail yielded goes on right after it. */
export function eventResumeCases(open: () => Promise<Store>): void {
  it('resumes a tail after an id that a tail yielded (a resume token on change streams)', async () => {
    const store = await open();
    const abort = new AbortController();
    const seen: Array<{ id: string; num: number }> = [];
    const resumed: number[] = [];
    const first = (async () => {
      for await (const { id, event } of store.events.tailEvents(undefined, abort.signal))
        seen.push({ id, num: (event as { messageNum: number }).messageNum });
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const num of [1, 2]) await store.events.appendEvent(sent(num));
    await expect.poll(() => seen.map((entry) => entry.num), { timeout: 5000 }).toEqual([1, 2]);
    const second = (async () => {
      for await (const { event } of store.events.tailEvents(seen[0]?.id, abort.signal))
        resumed.push((event as { messageNum: number }).messageNum);
    })();
    await expect.poll(() => resumed, { timeout: 5000 }).toEqual([2]);
    await store.events.appendEvent(sent(3));
    await expect.poll(() => resumed, { timeout: 5000 }).toEqual([2, 3]);
    abort.abort();
    await Promise.all([first, second]);
  });
}
