import { afterEach, describe, expect, it } from 'vitest';
import { type DomainEvent, messageEvents } from '../../src/domain/events.ts';
import { createEventBus, type EventBus } from '../../src/push/index.ts';
import { sentEvent, silentLogger } from './fixtures.ts';
import { MemoryEventSource } from './memory-event-source.ts';

let bus: EventBus<number> | undefined;
afterEach(async () => {
  await bus?.close();
  bus = undefined;
});

async function take(events: AsyncIterator<DomainEvent>, count: number): Promise<number[]> {
  const nums: number[] = [];
  while (nums.length < count) {
    const next = await events.next();
    if (next.done) break;
    nums.push(...messageEvents(next.value).map((e) => e.messageNum));
  }
  return nums;
}

describe('push bus over the event log', () => {
  it('starts at "now": history before start is not replayed', async () => {
    const source = new MemoryEventSource();
    source.append(sentEvent(['a'], { messageNum: 1 }));
    source.append(sentEvent(['a'], { messageNum: 2 }));
    bus = createEventBus(source, { logger: silentLogger });
    source.append(sentEvent(['a'], { messageNum: 3 }));
    source.append(sentEvent(['a'], { messageNum: 4 }));
    expect(await take(bus[Symbol.asyncIterator](), 2)).toEqual([3, 4]);
    expect(source.tailsFrom[0]).toBeUndefined();
  });

  it('resumes after the last seen id when the cursor fails, with no loss and no duplicate', async () => {
    const source = new MemoryEventSource();
    bus = createEventBus(source, { logger: silentLogger, initialBackoffMs: 5, maxBackoffMs: 20 });
    const events = bus[Symbol.asyncIterator]();
    source.append(sentEvent(['a'], { messageNum: 10 }));
    expect(await take(events, 1)).toEqual([10]);
    source.failMidway(3);
    for (const num of [11, 12, 13, 14]) source.append(sentEvent(['a'], { messageNum: num }));
    expect(await take(events, 4)).toEqual([11, 12, 13, 14]);
    expect(bus.lastId).toBe(5);
    expect(source.tailsFrom).toEqual([undefined, 2, 3, 4]);
  });

  it('keeps retrying a failing tail with bounded backoff', async () => {
    const source = new MemoryEventSource();
    bus = createEventBus(source, { logger: silentLogger, initialBackoffMs: 2, maxBackoffMs: 10 });
    const events = bus[Symbol.asyncIterator]();
    source.append(sentEvent(['a'], { messageNum: 19 }));
    expect(await take(events, 1)).toEqual([19]);
    source.failMidway(1);
    source.failOnOpen(6);
    source.append(sentEvent(['a'], { messageNum: 20 }));
    source.append(sentEvent(['a'], { messageNum: 21 }));
    const started = Date.now();
    expect(await take(events, 2)).toEqual([20, 21]);
    // 2 + 4 + 8 + 10 + 10 + 10 + 10 ms of backoff: bounded, not 2^7 growth.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(source.tailsFrom).toEqual([undefined, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('stops tailing when the consumer ends the iteration', async () => {
    const source = new MemoryEventSource();
    bus = createEventBus(source, { logger: silentLogger });
    const events = bus[Symbol.asyncIterator]();
    const pending = events.next();
    await events.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
    source.append(sentEvent(['a']));
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('drops the oldest events for a consumer that lags past its queue limit', async () => {
    const source = new MemoryEventSource();
    bus = createEventBus(source, { logger: silentLogger, queueLimit: 3 });
    for (const num of [1, 2, 3, 4, 5]) source.append(sentEvent(['a'], { messageNum: num }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await take(bus[Symbol.asyncIterator](), 3)).toEqual([3, 4, 5]);
  });
});
