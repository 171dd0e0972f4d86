import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { OPENAPI_VARIANTS, writeBindings } from '../../scripts/bindings.ts';
import { ALICE, BOB } from '../../src/sandbox/index.ts';
import { startTestGateway, type TestGateway } from '../http/gateway-fixture.ts';
import { ROOT } from './spec-loader.ts';

const BINDINGS = resolve(ROOT, '.bindings');
const CHECK_DIR = join(BINDINGS, 'check');
const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const CLIENTS = ['messages', 'imchat', 'record', 'admin', 'push'] as const;

/** Copies fixtures into `.bindings/check/` (so they resolve `openapi-fetch`) and type-checks them. */
function typeErrors(...fixtures: string[]): string[] {
  const files = fixtures.map((fixture) => {
    const file = join(CHECK_DIR, fixture.replace(/^clients\//, '').replace(/\.tpl$/, ''));
    copyFileSync(join(FIXTURES, fixture), file);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) => `${d.file?.fileName ?? ''}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    );
}

let gw: TestGateway | undefined;
afterAll(() => gw?.close());

describe('scripts/bindings.ts', async () => {
  const written = await writeBindings(BINDINGS);
  mkdirSync(CHECK_DIR, { recursive: true });

  it('writes types and a typed fetch client per variant, push payload models and the int64 parser', () => {
    expect(written).toEqual([
      ...OPENAPI_VARIANTS.flatMap((v) => [join(BINDINGS, `${v}.d.ts`), join(BINDINGS, `${v}-client.ts`)]),
      join(BINDINGS, 'push.ts'),
      join(BINDINGS, 'int64-json.ts'),
    ]);
    expect(written.every((file) => existsSync(file))).toBe(true);
  });

  it('type-checks a typed openapi-fetch client that leaves defaulted fields out (default settings)', () => {
    expect(typeErrors('typed-client.ts.tpl')).toEqual([]);
  });

  it('rejects a client that sends a wrong body type', () => {
    const errors = typeErrors('typed-client-wrong.ts.tpl');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/number.*not assignable to type 'string'/);
  });

  it('compiles a small client per variant under --strict and runs each against a gateway', async () => {
    expect(typeErrors(...CLIENTS.map((name) => `clients/${name}.ts.tpl`))).toEqual([]);
    gw = await startTestGateway({ IMGATE_SANDBOX: 'auto', VALIDATE_RESPONSES: 'true' });
    const alice = await gw.token(ALICE);
    const load = async <T>(name: string) => (await import(join(CHECK_DIR, `${name}.ts`))) as T;
    type Run<R> = { run(baseUrl: string, token: string): Promise<R> };

    const messages = await load<Run<{ sequence: number; msgNum: number; latest: number }>>('messages');
    const sent = await messages.run(gw.url, alice);
    expect(sent.sequence).toBe(4);
    expect(sent.latest).toBe(sent.msgNum);

    const imchat = await load<Run<{ msgIndex: number; timestamp: unknown }>>('imchat');
    const pulled = await imchat.run(gw.url, alice);
    expect(typeof pulled.timestamp).toBe('bigint');
    expect((pulled.timestamp as bigint) % 1_000_000n).toBe(0n);

    const record = await load<Run<{ logId: number; synced: number }>>('record');
    expect(await record.run(gw.url, alice)).toMatchObject({ synced: 1 });

    const admin = await load<Run<{ num: number; name: string }>>('admin');
    expect(await admin.run(gw.url, await gw.token('ops', { admin: true }))).toMatchObject({
      name: 'bindings-user',
    });

    const push = await load<{
      firstSend(url: string, token: string, trigger: () => Promise<unknown>): Promise<unknown>;
    }>('push');
    const server = gw;
    const frame = await push.firstSend(gw.url, await gw.token(BOB), () =>
      server.call('/message/send', {
        token: alice,
        json: { id: 'bindings-push-1', chat_id: 's_a7be32fecc0b2015', content: 'to Bob' },
      }),
    );
    expect(frame).toMatchObject({ type: 'chat.message', status: 'send message', user_id: 1, chat_id: 1 });
  }, 60_000);
});
