import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imchatOperations } from '../../src/generated/imchat/operations.ts';
import { defineDialect } from '../../src/http/dialect.ts';
import type { HandlerTable } from '../../src/http/operation-table.ts';
import { startTestGateway, type TestGateway } from './gateway-fixture.ts';

/** pull answers a body its schema forbids; every other imchat handler crashes. */
const faulty = Object.fromEntries(
  Object.keys(imchatOperations).map((id) => [
    id,
    id === 'imchatPull'
      ? async (c: { json: (body: unknown, status: number) => Response }) => c.json({ bogus: true }, 200)
      : async () => {
          throw new Error('secret internal detail');
        },
  ]),
) as unknown as HandlerTable<typeof imchatOperations>;

const pull = { target: 'bob', target_type: 'user', direction: 'after', count: 10 };
const ack = { target: 'bob', target_type: 'user', msg_index: 1 };

let plain: TestGateway;
let validating: TestGateway;

beforeAll(async () => {
  const dialects = [defineDialect('imchat', imchatOperations, faulty)];
  plain = await startTestGateway({}, dialects);
  validating = await startTestGateway({ VALIDATE_RESPONSES: 'true' }, dialects);
});
afterAll(async () => {
  await plain.close();
  await validating.close();
});

describe('unexpected errors and response validation', () => {
  it('renders a crash as a 500 {code, msg} without leaking the error', async () => {
    const res = await plain.call('/im.chat/ack', { token: await plain.token('alice'), json: ack });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ code: 500, msg: 'internal server error' });
    expect(text).not.toMatch(/secret|at .*\.ts/);
  });

  it('lets a wrong response through without VALIDATE_RESPONSES', async () => {
    const res = await plain.call('/im.chat/pull', { token: await plain.token('alice'), json: pull });
    expect(res.status).toBe(200);
  });

  it('turns a response that violates its schema into a 500 with VALIDATE_RESPONSES=true', async () => {
    const res = await validating.call('/im.chat/pull', {
      token: await validating.token('alice'),
      json: pull,
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ code: 500, msg: 'internal server error' });
  });
});
