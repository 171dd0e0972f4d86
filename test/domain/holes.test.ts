import { describe, expect, it } from 'vitest';
import { createDomain } from '../../src/domain/index.ts';
import { as, chat, type DomainFixture, useDomain, users } from './fixture.ts';

const GRACE_MS = 1_000;

/**
 * A domain on the fixture's store whose clock runs with the store's (which stamps `seqAt`) but
 * shifted: it starts well before every allocation, and `after()` moves it well past the grace.
 */
function shiftedClock(f: DomainFixture) {
  let shift = -10 * GRACE_MS;
  const domain = createDomain({
    store: f.store,
    events: { publish: async () => undefined },
    holeGraceMs: GRACE_MS,
    clock: () => Date.now() + shift,
  });
  return {
    domain,
    after: () => {
      shift = 10 * GRACE_MS;
    },
  };
}

/** What a send that died between its allocation and its insert leaves: a taken sequence, no message. */
async function deadSend(f: DomainFixture, chatId: string, clientId: string) {
  const chat = await f.store.chats.allocateSeq({
    key: { id: chatId },
    senderId: 'a',
    clientId,
    memberIds: ['a'],
    groupOnly: false,
    at: Date.now(),
    force: false,
  });
  return chat?.lastSeq ?? 0;
}

describe('holes left by dead sends', () => {
  const fixture = useDomain();

  it('are filled with a gap tombstone by the first read past the grace, and only then', async () => {
    const f = fixture();
    await users(f, 'a', 'b');
    const group = await chat(f, 2, 'a', ['b']);
    const { domain, after } = shiftedClock(f);
    const to = { kind: 'chat' as const, chatId: group.id };
    await domain.messaging.send(as('a'), { to, content: 'one' });
    const middle = await deadSend(f, group.id, 'dead-1');
    await domain.messaging.send(as('a'), { to, content: 'three' });
    const top = await deadSend(f, group.id, 'dead-2');
    const early = await domain.reading.list(as('b'), to, { limit: 10 });
    expect(early.map((v) => [v.seq, v.gap])).toEqual([
      [1, false],
      [3, false],
    ]); // still in flight as far as a reader can tell: nothing is written
    after();
    const late = await domain.reading.pull(as('b'), to, {
      direction: 'after',
      startSeq: 1,
      startRecallSeq: 0,
      count: 10,
    });
    expect(late.messages.map((v) => [v.seq, v.gap])).toEqual([
      [1, false],
      [middle, true],
      [3, false],
      [top, true],
    ]);
    expect((await f.store.messages.getBySeq(group.id, top))?.gap).toBe(true);
  });

  it('make a late send take a new sequence, and a retry of a dead send store it', async () => {
    const f = fixture();
    await users(f, 'a', 'b');
    const group = await chat(f, 2, 'a', ['b']);
    const { domain, after } = shiftedClock(f);
    const to = { kind: 'chat' as const, chatId: group.id };
    const dead = await deadSend(f, group.id, 'again');
    after();
    expect((await domain.reading.list(as('b'), to, { limit: 5 })).map((v) => v.gap)).toEqual([true]);
    // the client retries the send whose first attempt died: it is stored, at a sequence of its own
    const retry = await domain.messaging.send(as('a'), { to, clientId: 'again', content: 'x' });
    expect(retry).toMatchObject({ duplicate: false, message: { seq: dead + 1 } });
    // a send whose sequence a read filled meanwhile (slower than the grace) takes the next one
    const filled = f.store.messages;
    let overtaken = false;
    const slow = createDomain({
      store: {
        ...f.store,
        messages: {
          ...filled,
          insert: async (message) => {
            if (!overtaken)
              await filled.fillGaps(message.chatId, [{ seq: message.seq, num: message.num + 1e6 }], 1);
            overtaken = true;
            return filled.insert(message);
          },
        },
      },
      events: { publish: async () => undefined },
    });
    const late = await slow.messaging.send(as('a'), { to, clientId: 'late', content: 'y' });
    expect(late.message.seq).toBe(dead + 3);
    const all = await domain.reading.list(as('b'), to, { limit: 10 });
    expect(all.map((v) => [v.seq, v.gap])).toEqual([
      [dead, true],
      [dead + 1, false],
      [dead + 2, true],
      [dead + 3, false],
    ]);
  });
});
