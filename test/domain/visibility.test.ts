import { describe, expect, it } from 'vitest';
import { type Chat, defaultMemberState, type Message } from '../../src/domain/index.ts';
import { isReadBy, isVisibleTo, messageAudience, otherSide } from '../../src/domain/visibility.ts';

const group: Chat = {
  id: 'g',
  num: 1,
  type: 2,
  status: 1,
  isEnc: 0,
  creatorId: 'a',
  memberIds: ['a', 'b', 'c'],
  lastSeq: 3,
  lastRecallSeq: 0,
  lastTime: 0,
  createdAt: 0,
  clearedSeq: 0,
  seqAt: 0,
};
const single: Chat = { ...group, id: 's', type: 1, memberIds: ['a', 'b'] };

function message(over: Partial<Message> = {}): Message {
  return {
    num: 7,
    chatId: 'g',
    seq: 2,
    senderId: 'a',
    clientId: 'x',
    content: 'hi',
    extra: '',
    type: 1,
    isEnc: 0,
    receiveIds: [],
    createdAt: 0,
    recall: null,
    gap: false,
    cleared: false,
    ...over,
  };
}

describe('visibility rules', () => {
  const none = new Set<number>();
  it.each([
    ['a member sees a message for the whole chat', message(), 'b', true],
    ['a non-member sees nothing', message(), 'z', false],
    ['receive ids narrow the audience', message({ receiveIds: ['c'] }), 'b', false],
    ['a listed receiver sees it', message({ receiveIds: ['c'] }), 'c', true],
    ['the sender always sees it', message({ receiveIds: ['c'] }), 'a', true],
    ['a cleared message is gone', message({ cleared: true }), 'a', false],
  ])('%s', (_name, m, viewer, visible) => {
    expect(isVisibleTo(m, viewer, group, defaultMemberState('g', viewer), none)).toBe(visible);
  });

  it('hides per message and up to the cleared mark', () => {
    expect(isVisibleTo(message(), 'b', group, undefined, new Set([7]))).toBe(false);
    expect(isVisibleTo(message(), 'b', group, { ...defaultMemberState('g', 'b'), clearedSeq: 2 }, none)).toBe(
      false,
    );
    expect(isVisibleTo(message(), 'b', group, { ...defaultMemberState('g', 'b'), clearedSeq: 1 }, none)).toBe(
      true,
    );
  });

  it('counts own messages and those at or below the read mark as read', () => {
    const marked = { ...defaultMemberState('g', 'b'), readSeq: 2 };
    expect(isReadBy(message(), 'a', undefined)).toBe(true);
    expect(isReadBy(message(), 'b', marked)).toBe(true);
    expect(isReadBy(message({ seq: 3 }), 'b', marked)).toBe(false);
  });

  it('addresses events to the narrowed members plus the sender', () => {
    expect(messageAudience(message(), group)).toEqual(['a', 'b', 'c']);
    expect(messageAudience(message({ receiveIds: ['c'] }), group)).toEqual(['c', 'a']);
  });

  it('names the other member of a single chat, the chat itself otherwise', () => {
    expect(otherSide(single, 'a')).toBe('b');
    expect(otherSide(group, 'a')).toBe('g');
  });
});
