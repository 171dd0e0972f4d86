import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ALICE } from '../../src/sandbox/index.ts';
import { startTestGateway } from '../http/gateway-fixture.ts';
import {
  allOperations,
  followPointer,
  loadDereferenced,
  loadOpenAPI,
  OPENAPI_VARIANTS,
  PUSH_SPEC,
  type Schema,
  specPath,
} from './spec-loader.ts';

/** Issue 13 item 6: the documents agree with each other and with the server on names and ranges. */
describe('documents agree with each other and with the server', () => {
  it('tag names are unique across the documents, and every operation uses a declared tag (A18)', () => {
    const owners = new Map<string, string[]>();
    for (const variant of OPENAPI_VARIANTS) {
      const tags = (loadOpenAPI(variant) as { tags?: { name: string }[] }).tags ?? [];
      for (const { name } of tags) owners.set(name, [...(owners.get(name) ?? []), variant]);
    }
    expect([...owners].filter(([, variants]) => variants.length > 1)).toEqual([]);
    for (const { variant, path, operation } of allOperations()) {
      for (const tag of (operation as { tags?: string[] }).tags ?? []) {
        expect(owners.get(tag), `${variant} ${path} tag ${tag}`).toEqual([variant]);
      }
    }
  });

  it('one per-chat sequence has one range: messages Sequence, imchat msg_index, canonical sequence (M26)', () => {
    const messages = loadDereferenced(specPath('messages'));
    const imchat = loadDereferenced(specPath('imchat'));
    const push = loadDereferenced(PUSH_SPEC);
    const max = (schema: unknown) => (schema as Schema).maximum;
    const sequence = followPointer(
      messages,
      '/paths/~1message~1list/post/requestBody/content/application~1json/schema/properties/sequence/allOf/0',
    );
    const msgIndex = followPointer(
      imchat,
      '/paths/~1im.chat~1recall/post/requestBody/content/application~1json/schema/properties/msg_index',
    );
    const canonical = followPointer(push, '/components/schemas/CanonicalEventPayload/properties/sequence');
    expect([max(sequence), max(msgIndex), max(canonical)]).toEqual([4294967295, 4294967295, 4294967295]);
  });

  it('the string logId of pri-chat-record admits exactly what the server accepts (R2)', async () => {
    const record = loadDereferenced(specPath('record'));
    const logId = followPointer(
      record,
      '/paths/~1app~1record~1pri-chat-record/post/requestBody/content/application~1json/schema/properties/logId',
    ) as Schema;
    const validate = new Ajv({ strict: false }).compile(logId);
    const gw = await startTestGateway({ IMGATE_SANDBOX: 'auto' });
    try {
      const token = await gw.token(ALICE);
      for (const value of ['0', '5', '9007199254740991', '9007199254740992', '9999999999999999', '01']) {
        const response = await gw.call('/app/record/pri-chat-record', {
          token,
          json: { targetId: '0x8a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d', count: 20, logId: value },
        });
        expect(response.status === 200, `logId "${value}" (schema says ${validate(value)})`).toBe(
          validate(value),
        );
      }
    } finally {
      await gw.close();
    }
  });
});
