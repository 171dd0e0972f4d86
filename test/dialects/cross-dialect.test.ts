import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactInteger, userTarget } from './imchat/helpers.ts';
import { type Answer, startWorld, type World } from './imchat/world.ts';
import { expectDocumented as expectMessagesDocumented } from './messages/fixture.ts';
import { frame, type RecordWire, recPush, syncAll } from './record/helpers.ts';

/**
 * DESIGN.md "One domain, many dialects": one conversation (the single chat between `owner` and
 * `member`) written through `/message/send`, `/im.chat/send` and `/record/push`, read back through
 * every dialect with the same numbers, recalled through each dialect, and read-marked through imchat.
 */
describe('one conversation through every dialect', () => {
  let w: World;
  const texts = ['via messages', 'via imchat', 'via record'] as const;
  let seqs: number[] = [];
  let createdAt: number[] = [];
  let records: RecordWire[] = [];

  /** POST as `token`; messages-variant answers are checked against `openapi/messages.yaml`. */
  async function post(path: string, token: string, json: unknown): Promise<Answer> {
    const answer = await w.post(path, token, json);
    if (path.startsWith('/message') || path.startsWith('/chat')) expectMessagesDocumented(path, answer);
    expect(answer.status, `${path} ${answer.text}`).toBe(200);
    return answer;
  }
  const listAs = async (token: string) =>
    (await post('/message/list', token, { chat_id: w.direct, sequence: 0, direction: 'up', count: 100 })).body
      .data.items;
  const pullAs = (token: string, peer: string) =>
    post('/im.chat/pull', token, {
      ...userTarget(peer),
      direction: 'after',
      start_msg_index: 1,
      start_recall_index: 1,
      count: 50,
    });
  const directRecords = async (token: string) =>
    (await syncAll(w, token)).filter((record) => record.channelType === 0);

  beforeAll(async () => {
    w = await startWorld();
    const viaMessages = await post('/message/send', w.tokens.owner, {
      id: 'x-messages-1',
      chat_id: w.direct,
      content: texts[0],
    });
    const viaImchat = await post('/im.chat/send', w.tokens.member, { ...userTarget('owner'), msg: texts[1] });
    const viaRecord = await recPush(w, w.tokens.owner, frame(0, 'member', texts[2], 'x-record-1'));
    records = await directRecords(w.tokens.member);
    createdAt = records.map((record) => record.datetime);
    seqs = (await listAs(w.tokens.member)).map((item: { sequence: number }) => item.sequence);
    expect(seqs).toEqual([viaMessages.body.data.sequence, viaImchat.body.msg_index, 3]);
    expect(records.at(-1)).toMatchObject({ logId: viaRecord.logId, datetime: viaRecord.datetime });
    expect(createdAt[0]).toBe(viaMessages.body.data.created_at);
    expect(exactInteger(viaImchat.text, 'timestamp')).toBe(BigInt(createdAt[1] ?? 0) * 1_000_000n);
  });
  afterAll(() => w.gw.close());

  it('numbers agree: sequence = msg_index, logId, created_at = timestamp / 1e6 = datetime', async () => {
    expect(records.map((r) => [r.msg, r.fromId, r.targetId])).toEqual([
      [texts[0], 'owner', 'member'],
      [texts[1], 'member', 'owner'],
      [texts[2], 'owner', 'member'],
    ]);
    const items = await listAs(w.tokens.member);
    expect(seqs).toEqual([1, 2, 3]);
    expect(items.map((item: { created_at: number }) => item.created_at)).toEqual(createdAt);
    const pulled = await pullAs(w.tokens.owner, 'member');
    expect(pulled.body.msgs.map((m: { msg_index: number; msg: string }) => [m.msg_index, m.msg])).toEqual(
      seqs.map((seq, i) => [seq, texts[i]]),
    );
    const nanos = [...pulled.text.matchAll(/"timestamp":(\d+)/g)].map((m) => BigInt(m[1] ?? '0'));
    expect(nanos).toEqual(createdAt.map((ms) => BigInt(ms) * 1_000_000n));
    const pri = await post('/app/record/pri-chat-record', w.tokens.owner, {
      targetId: 'member',
      count: 100,
      logId: '0',
    });
    expect(pri.body.records).toEqual([...records].reverse());
    const detail = await post('/messages/detail', w.tokens.member, { ids: records.map((r) => r.msgId) });
    expect(
      detail.body.data.items.map((m: { sequence: number; created_at: number }) => [m.sequence, m.created_at]),
    ).toEqual(seqs.map((seq, i) => [seq, createdAt[i]]));
  });

  it('a recall through each dialect leaves a tombstone in every dialect', async () => {
    const [viaMessages, , viaRecord] = records;
    await post('/messages/delete-batch', w.tokens.owner, { ids: [viaMessages?.msgId] });
    await post('/im.chat/recall', w.tokens.member, { ...userTarget('owner'), msg_index: seqs[1] });
    await post('/app/record/revoke', w.tokens.owner, { logId: viaRecord?.logId });
    const items = await listAs(w.tokens.owner);
    expect(items.map((item: { sequence: number; status: number }) => [item.sequence, item.status])).toEqual(
      seqs.map((seq) => [seq, 2]),
    );
    const detail = await post('/messages/detail', w.tokens.owner, { ids: records.map((r) => r.msgId) });
    expect(
      detail.body.data.items.map((m: { status: number; content: string }) => [m.status, m.content]),
    ).toEqual(seqs.map(() => [2, '']));
    const pulled = await pullAs(w.tokens.member, 'owner');
    expect(
      pulled.body.msgs.map((m: { recall_index: number; msg: string }) => [m.recall_index, m.msg]),
    ).toEqual([
      [1, ''],
      [2, ''],
      [3, ''],
    ]);
    expect(pulled.body.recalls).toEqual({ '1': 1, '2': 2, '3': 3 });
    for (const token of [w.tokens.owner, w.tokens.member]) {
      const synced = await directRecords(token);
      expect(synced.map((r) => [r.logId, r.state, r.msg])).toEqual(records.map((r) => [r.logId, 1, '']));
    }
  });

  it('an imchat ack shows as max_read_seq in /chat/mine-list and as is_read in /message/list', async () => {
    await post('/im.chat/ack', w.tokens.member, { ...userTarget('owner'), msg_index: 3 });
    const mine = await post('/chat/mine-list', w.tokens.member, {});
    const chat = mine.body.data.items.find((item: { id: string }) => item.id === w.direct);
    expect(chat.max_read_seq).toBe(3);
    const items = await listAs(w.tokens.member);
    expect(items.map((item: { is_read: number }) => item.is_read)).toEqual([1, 1, 1]);
    const ownerView = await post('/chat/mine-list', w.tokens.owner, {});
    expect(ownerView.body.data.items.find((item: { id: string }) => item.id === w.direct).max_read_seq).toBe(
      0,
    );
  });
});
