import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  expectDocumented,
  expectError,
  OVERSIZED,
  startWorld,
  type World,
} from '../imchat/world.ts';
import { fileForm, frame, freshMsgId, privateRecords, recPush, syncAll } from './helpers.ts';

/** A multipart body written by hand: `parts` (header lines, content) under `boundary`. */
function rawBody(
  boundary: string,
  parts: readonly [readonly string[], string][],
  close = `--${boundary}--\r\n`,
) {
  const encoded = parts.map(
    ([headers, content]) => `--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n${content}\r\n`,
  );
  return encoded.join('') + close;
}
const FILE_PART = [
  'Content-Disposition: form-data; name="file"; filename="frame.json"',
  'Content-Type: application/json',
];

/** `openapi/record.yaml#/paths/~1record~1push` and `~1record~1push2` over a real gateway. */
describe('POST /record/push and /record/push2', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(() => w.gw.close());

  const push = (token: string | undefined, body: unknown, plain = false) =>
    w.postForm('/record/push', token, fileForm(body, plain));
  const push2 = (token: string | undefined, body: unknown, plain = false) =>
    w.postForm('/record/push2', token, fileForm(body, plain));

  it('push stores a private message: logId and datetime ms, visible as a record', async () => {
    const before = Date.now();
    const sent = await recPush(w, w.tokens.owner, frame(0, 'member', 'hi member'));
    expect(sent.datetime).toBeGreaterThanOrEqual(before);
    const [latest] = await privateRecords(w, w.tokens.member, 'owner');
    expect(latest).toMatchObject({
      logId: sent.logId,
      fromId: 'owner',
      targetId: 'member',
      msg: 'hi member',
    });
    expect(latest?.datetime).toBe(sent.datetime);
  });

  it('accepts the frame as a plain form field too', async () => {
    const answer = await push(w.tokens.member, frame(1, w.group, 'plain'), true);
    expect(answer.status, answer.text).toBe(200);
  });

  it('push2 takes the frame inside {op: 3, seq, body}', async () => {
    const body = frame(1, w.group, 'enveloped');
    const answer = await push2(w.tokens.member, { op: 3, seq: 7, body });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.logId).toBeGreaterThanOrEqual(1);
    const plain = await push2(w.tokens.member, { op: 3, seq: 8, body: frame(1, w.group) }, true);
    expect(plain.status).toBe(200);
  });

  it('is idempotent on (sender, msgId) across push and push2; other content is a 409', async () => {
    const body = frame(1, w.group, 'once');
    const first = await recPush(w, w.tokens.other, body);
    const retry = await push2(w.tokens.other, { op: 3, seq: 1, body });
    expect(retry.body).toEqual(first);
    expectError(await push(w.tokens.other, { ...body, msg: 'twice' }), 409);
    expectError(await push2(w.tokens.other, { op: 3, seq: 2, body: { ...body, msg: 'twice' } }), 409);
  });

  it('answers 400 for a missing part, a part that is not JSON, and a frame failing its schema', async () => {
    const token = w.tokens.member;
    const empty = await w.postForm('/record/push', token, new FormData());
    expectError(empty, 400, 'file');
    expectError(await w.postForm('/record/push2', token, new FormData()), 400, 'file');
    expectError(await push(token, '{"channelType":'), 400, 'file: not valid JSON');
    expectError(await push2(token, 'not json', true), 400, 'file: not valid JSON');
    const { msgId: _, ...noMsgId } = frame(1, w.group);
    expectError(await push(token, noMsgId), 400, 'file.msgId');
    expectError(await push(token, { ...frame(1, w.group), channelType: 2 }), 400, 'file.channelType');
    expectError(await push(token, { ...frame(1, w.group), msgType: 0 }), 400, 'file.msgType');
    expectError(await push(token, { ...frame(1, w.group), extra: 1 }), 400, 'extra');
    expectError(await push(token, { op: 3, seq: 1, body: frame(1, w.group) }), 400, 'file.target');
    expectError(await push2(token, frame(1, w.group)), 400, 'file.op');
    expectError(await push2(token, { op: 4, seq: 1, body: frame(1, w.group) }), 400, 'file.op');
    expectError(await push2(token, { op: 3, seq: 1, body: noMsgId }), 400, 'file.body.msgId');
    expectError(await push2(token, { op: 3, body: frame(1, w.group) }), 400, 'file.seq');
    const json = await w.post('/record/push', token, { file: JSON.stringify(frame(1, w.group)) });
    expectError(json, 400);
  });

  const pushRaw = async (contentType: string, body: string): Promise<Answer> => {
    const res = await w.gw.call('/record/push', {
      method: 'POST',
      token: w.tokens.member,
      headers: { 'content-type': contentType },
      body,
    });
    const text = await res.text();
    const answer = { status: res.status, body: JSON.parse(text), text };
    expectDocumented('/record/push', answer);
    return answer;
  };

  it('reads hand-written bodies: quoted boundary, preamble and epilogue, UTF-8 content, token name', async () => {
    const body = frame(1, w.group, 'héllo 你好 🙂');
    const text = rawBody('a b:c', [[FILE_PART, JSON.stringify(body)]]);
    const quoted = await pushRaw('multipart/form-data; boundary="a b:c"', `preamble\r\n${text}epilogue`);
    // The route's media-type check refuses a boundary with a space before the body is parsed
    expectError(quoted, 400, 'content-type');
    const sent = await pushRaw(
      'multipart/form-data; boundary="x:y"',
      `preamble\r\n${rawBody('x:y', [[FILE_PART, JSON.stringify(body)]])}epilogue`,
    );
    expect(sent.status, sent.text).toBe(200);
    const plain = frame(1, w.group, 'token name');
    const field = await pushRaw(
      'multipart/form-data; boundary=b',
      rawBody('b', [[['Content-Disposition: form-data; name=file'], JSON.stringify(plain)]]),
    );
    expect(field.status, field.text).toBe(200);
    const records = await syncAll(w, w.tokens.member);
    expect(records.find((r) => r.msgId === body.msgId)?.msg).toBe('héllo 你好 🙂');
    expect(records.find((r) => r.msgId === plain.msgId)?.logId).toBe(field.body.logId);
  });

  it('answers 400 naming what is malformed in a multipart body', async () => {
    const json = JSON.stringify(frame(1, w.group));
    const cases: [string, string, string][] = [
      [
        'multipart/form-data; boundary=b',
        rawBody('b', [[FILE_PART, json]], ''),
        'missing the close delimiter "--b--"',
      ],
      ['multipart/form-data; boundary=b', '', 'empty body'],
      ['multipart/form-data', rawBody('b', [[FILE_PART, json]]), 'no boundary parameter'],
      [
        'multipart/form-data; boundary=b',
        rawBody('b', [[['Content-Disposition: form-data'], json]]),
        'without a name',
      ],
      [
        'multipart/form-data; boundary=b',
        rawBody('b', [[['Content-Type: text/plain'], json]]),
        'Content-Disposition',
      ],
      [
        'multipart/form-data; boundary=b',
        rawBody('b', [[FILE_PART, json]]).replaceAll('\r\n', '\n'),
        'no boundary line',
      ],
      // a boundary saying "json" is still a multipart fault, not "malformed JSON"
      [
        'multipart/form-data; boundary=json',
        rawBody('json', [[FILE_PART, json]], ''),
        'close delimiter "--json--"',
      ],
    ];
    for (const [type, body, fault] of cases) {
      const answer = await pushRaw(type, body);
      expectError(answer, 400, 'body: malformed multipart/form-data: ');
      expect(answer.body.msg).toContain(fault);
    }
    const twice = await pushRaw(
      'multipart/form-data; boundary=b',
      rawBody('b', [
        [FILE_PART, json],
        [FILE_PART, json],
      ]),
    );
    expectError(twice, 400, 'file');
  });

  it('answers 401 without a valid token', async () => {
    expectError(await push(undefined, frame(1, w.group)), 401);
    expectError(await push2('not-a-jwt', { op: 3, seq: 1, body: frame(1, w.group) }), 401);
  });

  it('answers 403 to a non-member of the group', async () => {
    expectError(await push(w.tokens.outsider, frame(1, w.group)), 403);
    expectError(await push2(w.tokens.outsider, { op: 3, seq: 1, body: frame(1, w.group) }), 403);
  });

  it('answers 404 for an unknown chat, a single chat sent as a group, and a user without a single chat', async () => {
    expectError(await push(w.tokens.member, frame(1, 's_nope')), 404);
    expectError(await push(w.tokens.member, frame(1, w.direct)), 404);
    expectError(await push(w.tokens.member, frame(0, 'other')), 404);
    expectError(await push2(w.tokens.member, { op: 3, seq: 1, body: frame(0, 'nobody') }), 404);
  });

  it('answers 413 above the body limit', async () => {
    expectError(await push(w.tokens.member, frame(1, w.group, OVERSIZED, freshMsgId())), 413);
    expectError(await push2(w.tokens.member, { op: 3, seq: 1, body: frame(1, w.group, OVERSIZED) }), 413);
  });

  it('answers 413 to a streamed (chunked) body counted past the limit', async () => {
    const body = Buffer.from(rawBody('b', [[FILE_PART, JSON.stringify(frame(1, w.group, OVERSIZED))]]));
    const url = new URL(w.gw.url);
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const headers = {
        'content-type': 'multipart/form-data; boundary=b',
        authorization: `Bearer ${w.tokens.member}`,
      };
      const req = request(
        { host: url.hostname, port: url.port, path: '/record/push', method: 'POST', headers },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      // an error after the answer (the gateway closes the socket early) settles nothing
      req.on('error', reject);
      for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
      req.end();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ code: 413, msg: 'request body exceeds 1048576 bytes' });
  });
});
