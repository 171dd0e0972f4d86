import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  allOperations,
  followPointer,
  loadDereferenced,
  loadOpenAPI,
  type MediaType,
  PUSH_SPEC,
  type Schema,
} from './spec-loader.ts';

/** OpenAPI 3.0 schemas: `nullable` is supported by ajv natively; `example`, `x-*` need `strict: false`. */
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);

function schemaErrors(schema: Schema, value: unknown): string[] {
  const validate = ajv.compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

interface ExampleCase {
  name: string;
  schema: Schema;
  value: unknown;
}

function mediaExamples(where: string, media: MediaType, fileSchema?: Schema): ExampleCase[] {
  const { schema, examples = {} } = media;
  if (!schema) throw new Error(`${where}: no schema`);
  return Object.entries(examples).flatMap(([name, example]) => {
    const cases: ExampleCase[] = [{ name: `${where} ${name}`, schema, value: example.value }];
    const file = (example.value as { file?: unknown } | undefined)?.file;
    if (fileSchema && typeof file === 'string') {
      cases.push({ name: `${where} ${name} (file part)`, schema: fileSchema, value: JSON.parse(file) });
    }
    return cases;
  });
}

function openAPIExampleCases(): ExampleCase[] {
  return allOperations().flatMap(({ variant, method, path, operation }) => {
    const at = `${variant} ${method.toUpperCase()} ${path}`;
    const docRoot = loadOpenAPI(variant);
    const requests = Object.entries(operation.requestBody?.content ?? {}).flatMap(([type, media]) => {
      const pointer = media['x-file-schema'];
      const fileSchema = pointer ? (followPointer(docRoot, pointer.slice(1)) as Schema) : undefined;
      return mediaExamples(`${at} request ${type}`, media, fileSchema);
    });
    const responses = Object.entries(operation.responses).flatMap(([status, response]) =>
      Object.entries(response.content ?? {}).flatMap(([type, media]) =>
        mediaExamples(`${at} ${status} ${type}`, media),
      ),
    );
    const parameters = (operation.parameters ?? []).map((p) => ({
      name: `${at} parameter ${p.name}`,
      schema: p.schema ?? {},
      value: p.example,
    }));
    return [...requests, ...responses, ...parameters];
  });
}

interface AsyncMessage {
  payload: Schema;
  examples?: { name: string; payload: unknown }[];
}

function pushMessages(): Record<string, AsyncMessage> {
  const doc = loadDereferenced(PUSH_SPEC) as { components: { messages: Record<string, AsyncMessage> } };
  return doc.components.messages;
}

function pushExampleCases(): ExampleCase[] {
  return Object.entries(pushMessages()).flatMap(([id, message]) =>
    (message.examples ?? []).map((e) => ({
      name: `push ${id} ${e.name}`,
      schema: message.payload,
      value: e.payload,
    })),
  );
}

describe('examples validate against their schemas', () => {
  const cases = [...openAPIExampleCases(), ...pushExampleCases()];

  it('finds examples in every document', () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { schema, value }) => {
    expect(schemaErrors(schema, value)).toEqual([]);
  });
});

describe('validation can fail', () => {
  const imchat = loadOpenAPI('imchat');
  const sendSchema = imchat.paths['/im.chat/send']?.post?.requestBody?.content['application/json']?.schema;
  const messages = loadOpenAPI('messages');
  const envelope =
    messages.paths['/messages/delete-batch']?.post?.responses['400']?.content?.['application/json']?.schema;
  const push = pushMessages();

  it.each([
    ['an unknown target_type', { target: 'u1', target_type: 'channel', msg: 'hi' }],
    ['an empty msg', { target: 'u1', target_type: 'user', msg: '' }],
    ['a missing target', { target_type: 'user', msg: 'hi' }],
    ['an unknown field', { target: 'u1', target_type: 'user', msg: 'hi', to: 'x' }],
  ])('rejects an imchat send request with %s', (_name, value) => {
    expect(sendSchema).toBeDefined();
    expect(schemaErrors(sendSchema as Schema, value)).not.toEqual([]);
  });

  it('rejects a messages error envelope whose data is not null', () => {
    expect(schemaErrors(envelope as Schema, { code: 400, data: {}, msg: 'ids: too short' })).not.toEqual([]);
  });

  it.each([
    ['a status of another event', { status: 'read message' }],
    ['a string user_id', { user_id: '1' }],
    ['a msg_id of 0', { msg_id: 0 }],
    ['an extra field', { seq: 1 }],
  ])('rejects a send message push payload with %s', (_name, change) => {
    const payload = {
      type: 'chat.message',
      status: 'send message',
      user_id: 1,
      chat_id: 1,
      msg_id: 1,
      update_time: 1713844846.08072,
      ...change,
    };
    expect(schemaErrors(push.sendMessage?.payload as Schema, payload)).not.toEqual([]);
  });
});
