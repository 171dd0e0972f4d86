import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { imchatOperations } from '../../src/generated/imchat/operations.ts';
import type { GatewayEnv, HandlerTable } from '../../src/http/operation-table.ts';
import { registerOperations } from '../../src/http/register-operations.ts';

type ImchatHandlers = HandlerTable<typeof imchatOperations>;

const ok: ImchatHandlers['imchatAck'] = async () => {
  throw new Error('not called');
};

// A complete table type-checks.
const complete = {
  imchatAck: ok,
  imchatPull: async () => {
    throw new Error('not called');
  },
  imchatRecall: async () => {
    throw new Error('not called');
  },
  imchatSend: async () => {
    throw new Error('not called');
  },
} satisfies ImchatHandlers;

// @ts-expect-error an operation without a handler (imchatSend missing) is a compile error
const missing = { imchatAck: ok, imchatPull: ok, imchatRecall: ok } satisfies ImchatHandlers;

const extra = {
  ...complete,
  // @ts-expect-error a handler without an operation is a compile error
  imchatTypo: ok,
} satisfies ImchatHandlers;

const typedInput: ImchatHandlers['imchatPull'] = async (c) => {
  const body = c.req.valid('json');
  // @ts-expect-error validated input is typed by the operation's schema
  const nope: number = body.target;
  throw new Error(String(nope));
};

const options = { authenticated: [], always: [], validateResponses: false };

describe('registerOperations', () => {
  it('mounts one route per operation', () => {
    const app = new OpenAPIHono<GatewayEnv>();
    registerOperations(app, imchatOperations, complete, options);
    const paths = app.routes.map((r) => r.path);
    expect(new Set(paths)).toEqual(
      new Set(['/im.chat/ack', '/im.chat/pull', '/im.chat/recall', '/im.chat/send']),
    );
    expect([missing, extra, typedInput].length).toBe(3);
  });

  it('refuses a table built at run time with a missing or an extra handler', () => {
    const app = new OpenAPIHono<GatewayEnv>();
    const partial = { imchatAck: ok } as unknown as ImchatHandlers;
    expect(() => registerOperations(app, imchatOperations, partial, options)).toThrow(
      /imchatPull has no handler/,
    );
    const tooMany = { ...complete, other: ok } as unknown as ImchatHandlers;
    expect(() => registerOperations(app, imchatOperations, tooMany, options)).toThrow(
      /without an operation: other/,
    );
  });
});
