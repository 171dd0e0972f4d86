import { describe, expect, it } from 'vitest';
import { allOperations, loadOpenAPI, OPENAPI_VARIANTS, type Operation } from './spec-loader.ts';

const operations = allOperations();
const cases = operations.map((op) => [`${op.variant} ${op.method.toUpperCase()} ${op.path}`, op] as const);

/** The push events each operation emits (`x-emits`); operations not listed emit nothing. */
const EMITS: Record<string, string[]> = {
  sendMessage: ['send message'],
  recallMessages: ['withdraw message'],
  recallChatMessages: ['withdraw message'],
  revokeChatMessages: ['withdraw message'],
  clearChatMessages: ['withdraw message'],
  imchatSend: ['send message'],
  imchatRecall: ['withdraw message'],
  imchatAck: ['read message'],
  recordRevoke: ['withdraw message'],
  recordPush: ['send message'],
  recordPush2: ['send message'],
};

const needsAdmin = ({ variant, operation }: Operation): boolean =>
  variant === 'admin' || operation.operationId === 'clearChatMessages';

describe('document conventions', () => {
  it.each(OPENAPI_VARIANTS)('openapi/%s.yaml is OpenAPI 3.0.3', (variant) => {
    expect(loadOpenAPI(variant).openapi).toBe('3.0.3');
  });

  it('serves every seed operation, each once, with unique camelCase operationIds', () => {
    const ids = operations.map((op) => op.operation.operationId ?? '');
    expect(ids.every((id) => /^[a-z][a-zA-Z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const counts = Object.fromEntries(
      OPENAPI_VARIANTS.map((v) => [v, operations.filter((op) => op.variant === v).length]),
    );
    expect(counts).toEqual({ messages: 12, imchat: 4, record: 6, admin: 7 });
  });

  it.each(cases)('%s: summary, seed reference, bearerAuth', (_name, op) => {
    const { operation, variant } = op;
    expect(operation.summary).toMatch(/^[A-Z]/);
    if (variant !== 'admin') expect(operation.description).toMatch(/\(seed 00[0-4]/);
    expect(operation.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '500']));
    if (needsAdmin(op)) {
      expect(operation.description).toContain('role: admin');
      expect(operation.responses).toHaveProperty('403');
    }
  });

  it.each(cases)('%s: x-emits', (_name, { operation }) => {
    expect(operation['x-emits']).toEqual(EMITS[operation.operationId ?? '']);
  });

  it.each(cases)('%s: closed request bodies with examples', (_name, { operation }) => {
    for (const media of Object.values(operation.requestBody?.content ?? {})) {
      expect(media.schema?.additionalProperties).toBe(false);
      expect(Object.keys(media.examples ?? {}).length).toBeGreaterThan(0);
    }
  });

  it.each(cases)('%s: every response has an example; error codes equal the status', (_name, op) => {
    for (const [status, response] of Object.entries(op.operation.responses)) {
      const media = response.content?.['application/json'];
      const examples = Object.values(media?.examples ?? {});
      expect(examples.length, `${status} examples`).toBeGreaterThan(0);
      if (Number(status) < 400) continue;
      const required = op.variant === 'messages' ? ['code', 'data', 'msg'] : ['code', 'msg'];
      expect(media?.schema?.required).toEqual(required);
      for (const example of examples) expect(example.value).toMatchObject({ code: Number(status) });
    }
  });
});
