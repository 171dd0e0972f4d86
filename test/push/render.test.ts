import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MessageEvent } from '../../src/domain/events.ts';
import { renderCanonicalText, renderSeedText, toSeedPayload } from '../../src/push/index.ts';
import { loadPushValidators } from './asyncapi-schemas.ts';

const base = {
  chatId: 's_00000000000000aa',
  chatNum: 12,
  actorId: 'alice',
  actorNum: 3,
  messageNum: 4_503_599_627_370_496,
  audience: ['alice', 'bob'],
} as const;

const cases: Array<[string, { event: MessageEvent; message: string; status: string }]> = [
  [
    'message.sent',
    {
      event: { ...base, kind: 'message.sent', sequence: 5, at: 1_713_844_846_080 },
      message: 'sendMessage',
      status: 'send message',
    },
  ],
  [
    'message.recalled',
    {
      event: { ...base, kind: 'message.recalled', sequence: 5, recallSequence: 1, at: 1_713_844_847_001 },
      message: 'withdrawMessage',
      status: 'withdraw message',
    },
  ],
  [
    'message.recalled by a hard clear',
    {
      event: { ...base, kind: 'message.recalled', sequence: 5, recallSequence: 0, at: 1_713_844_848_000 },
      message: 'withdrawMessage',
      status: 'withdraw message',
    },
  ],
  [
    'read_mark.advanced',
    {
      event: { ...base, kind: 'read_mark.advanced', sequence: 5, at: 1 },
      message: 'readMessage',
      status: 'read message',
    },
  ],
];

let validators: Map<string, ValidateFunction>;
beforeAll(async () => {
  validators = await loadPushValidators();
});

describe('seed-001 renderer against asyncapi/push.yaml', () => {
  it('the document declares the three seed messages', () => {
    expect([...validators.keys()].sort()).toEqual(
      expect.arrayContaining(['readMessage', 'sendMessage', 'withdrawMessage']),
    );
  });

  for (const [name, { event, message, status }] of cases) {
    it(`${name} renders a valid ${message}`, () => {
      const text = renderSeedText(event);
      const payload: unknown = JSON.parse(text);
      const validate = validators.get(message);
      expect(validate?.(payload), JSON.stringify(validate?.errors)).toBe(true);
      expect(payload).toEqual({
        type: 'chat.message',
        status,
        user_id: event.actorNum,
        chat_id: event.chatNum,
        msg_id: event.messageNum,
        update_time: event.at / 1000,
      });
      expect(payload).toEqual(toSeedPayload(event));
      // Only the matching message of the three validates (the `status` const tells them apart).
      const others = ['sendMessage', 'withdrawMessage', 'readMessage'].filter((m) => m !== message);
      for (const other of others) expect(validators.get(other)?.(payload)).toBe(false);
    });
  }

  it('writes update_time as a float even on a whole second, and never the audience', () => {
    const text = renderSeedText({ ...base, kind: 'message.sent', sequence: 1, at: 1_713_844_846_000 });
    expect(text).toContain('"update_time":1713844846.0}');
    expect(text).not.toContain('alice');
    expect(renderSeedText({ ...base, kind: 'message.sent', sequence: 1, at: 1_713_844_846_080 })).toContain(
      '"update_time":1713844846.08}',
    );
  });

  it('refuses numbers a JavaScript client could not hold', () => {
    const event: MessageEvent = { ...base, kind: 'message.sent', sequence: 1, at: 1, messageNum: 2 ** 53 };
    expect(() => renderSeedText(event)).toThrow(RangeError);
  });
});

describe('canonical renderer', () => {
  for (const [name, { event }] of cases) {
    it(`${name} renders a valid canonicalEvent`, () => {
      const validate = validators.get('canonicalEvent');
      const payload: unknown = JSON.parse(renderCanonicalText(event));
      expect(validate?.(payload), JSON.stringify(validate?.errors)).toBe(true);
    });
  }

  it('carries ids and sequences, and the recall sequence only on recalls', () => {
    const [, sent] = cases[0] ?? [];
    const [, recalled] = cases[1] ?? [];
    expect(JSON.parse(renderCanonicalText(sent?.event as MessageEvent))).toEqual({
      type: 'imgate.event',
      kind: 'message.sent',
      chat_id: base.chatId,
      chat_num: 12,
      actor_id: 'alice',
      actor_num: 3,
      msg_num: base.messageNum,
      sequence: 5,
      at: 1_713_844_846_080,
    });
    expect(JSON.parse(renderCanonicalText(recalled?.event as MessageEvent))).toMatchObject({
      kind: 'message.recalled',
      recall_sequence: 1,
    });
  });
});
