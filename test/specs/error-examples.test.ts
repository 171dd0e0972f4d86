import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, CAROL } from '../../src/sandbox/index.ts';
import { startTestGateway, type TestGateway } from '../http/gateway-fixture.ts';
import { ROOT } from './spec-loader.ts';

/**
 * Issue 13 item 6 (normalization A17): the error examples of the shared response components are
 * answers the gateway really gives, byte for byte, for the requests below on a fresh sandbox.
 * `InternalError` is left out: no request can make a healthy gateway answer 500.
 */
type Responses = Record<
  string,
  { content: Record<string, { examples: Record<string, { value: unknown }> }> }
>;

function exampleOf(file: string, name: string): unknown {
  const doc = parse(readFileSync(resolve(ROOT, 'openapi/components', file), 'utf8')) as Responses;
  const examples = doc[name]?.content['application/json']?.examples ?? {};
  const [first] = Object.values(examples);
  if (!first) throw new Error(`${file}#/${name} has no example`);
  return first.value;
}

interface Case {
  readonly file: string;
  readonly response: string;
  readonly path: string;
  readonly as: 'alice' | 'carol' | 'nobody';
  readonly body: unknown;
}

const BIG = 'x'.repeat(1024 * 1024 + 1);
const CASES: readonly Case[] = (
  [
    ['BadRequest', '/message/send', 'alice', { id: 'e1', chat_id: '', content: 'x' }],
    ['Unauthorized', '/message/send', 'nobody', { id: 'e1', chat_id: 's_a7be32fecc0b2015', content: 'x' }],
    ['Forbidden', '/message/send', 'carol', { id: 'e1', chat_id: 's_0d1e2f3a4b5c6d7e', content: 'x' }],
    ['NotFound', '/message/send', 'alice', { id: 'e1', chat_id: 's_5e6f7a8b9c0d1e2f', content: 'x' }],
    [
      'Conflict',
      '/message/send',
      'alice',
      { id: '0x9f2c1d7e5b3a40c8e6d1f0a2b4c6d8e0f1a3b5c7', chat_id: 's_a7be32fecc0b2015', content: 'other' },
    ],
    ['PayloadTooLarge', '/message/send', 'alice', { id: 'e1', chat_id: 's_a7be32fecc0b2015', content: BIG }],
  ] as const
).map(([response, path, as, body]) => ({ file: 'messages-responses.yaml', response, path, as, body }));

const SHARED: readonly Case[] = (
  [
    ['BadRequest', '/im.chat/send', 'alice', { target: '', target_type: 'group', msg: 'x' }],
    [
      'Unauthorized',
      '/im.chat/send',
      'nobody',
      { target: 's_a7be32fecc0b2015', target_type: 'group', msg: 'x' },
    ],
    [
      'Forbidden',
      '/im.chat/recall',
      'carol',
      { target: 's_a7be32fecc0b2015', target_type: 'group', msg_index: 2 },
    ],
    ['NotFound', '/im.chat/send', 'alice', { target: 's_5e6f7a8b9c0d1e2f', target_type: 'group', msg: 'x' }],
    [
      'PayloadTooLarge',
      '/im.chat/send',
      'alice',
      { target: 's_a7be32fecc0b2015', target_type: 'group', msg: BIG },
    ],
  ] as const
).map(([response, path, as, body]) => ({ file: 'responses.yaml', response, path, as, body }));

let gw: TestGateway;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  gw = await startTestGateway({ IMGATE_SANDBOX: 'auto' });
  tokens.alice = await gw.token(ALICE);
  tokens.carol = await gw.token(CAROL);
});
afterAll(() => gw?.close());

describe('error examples are real answers', () => {
  for (const c of [...CASES, ...SHARED]) {
    it(`${c.file}#/${c.response} is what ${c.path} answers`, async () => {
      const token = tokens[c.as];
      const response = await gw.call(c.path, { json: c.body, ...(token ? { token } : {}) });
      expect(await response.json()).toEqual(exampleOf(c.file, c.response));
    });
  }

  it('the shared Conflict example is what a record push with a reused msgId answers', async () => {
    const form = new FormData();
    const frame = {
      channelType: 1,
      target: 's_a7be32fecc0b2015',
      msgId: '0x9f2c1d7e5b3a40c8e6d1f0a2b4c6d8e0f1a3b5c7',
    };
    form.set('file', JSON.stringify({ ...frame, msgType: 1, msg: 'other' }));
    const response = await fetch(`${gw.url}/record/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.alice ?? ''}` },
      body: form,
    });
    expect(await response.json()).toEqual(exampleOf('responses.yaml', 'Conflict'));
  });
});
