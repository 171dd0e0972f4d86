import { expect } from 'vitest';
import { validate } from '../../../conformance/engine/schema-validator.ts';
import { loadOpenAPI, type Schema } from '../../specs/spec-loader.ts';
import type { World } from '../imchat/world.ts';

/** A decoded `openapi/components/record-schemas.yaml#/Record`. */
export interface RecordWire {
  logId: number;
  msgId: string;
  channelType: 0 | 1;
  fromId: string;
  targetId: string;
  msgType: number;
  msg: string;
  datetime: number;
  state: 0 | 1;
  focused: boolean;
}

const recordSchema = loadOpenAPI('record').components?.schemas?.Record as Schema;

let counter = 0;
/** A client message id unique within the test run. */
export function freshMsgId(): string {
  counter += 1;
  return `r-${counter}`;
}

/** A `MessageFrame` to a user (channel 0) or a chat (channel 1). */
export function frame(channelType: 0 | 1, target: string, msg = 'hello', msgId = freshMsgId()) {
  return { channelType, target, msgId, msgType: 1, msg };
}

/** Multipart body with the part `file`: a JSON file part, or a plain field when `plain`. */
export function fileForm(content: unknown, plain = false): FormData {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  const form = new FormData();
  if (plain) form.append('file', text);
  else form.append('file', new Blob([text], { type: 'application/json' }), 'frame.json');
  return form;
}

/** `/record/push` of `body` that must succeed. */
export async function recPush(w: World, token: string, body: ReturnType<typeof frame>) {
  const answer = await w.postForm('/record/push', token, fileForm(body));
  expect(answer.status, answer.text).toBe(200);
  return answer.body as { logId: number; datetime: number };
}

/** Decodes sync-record entries (base64 of UTF-8 JSON), each validated against `Record`. */
export function decodeRecords(records: readonly string[]): RecordWire[] {
  return records.map((entry) => {
    expect(Buffer.from(entry, 'base64').toString('base64')).toBe(entry);
    const record = JSON.parse(Buffer.from(entry, 'base64').toString('utf8')) as RecordWire;
    expect(validate(recordSchema, record).map((v) => v.message)).toEqual([]);
    return record;
  });
}

/** Every record `token` can sync, decoded. */
export async function syncAll(w: World, token: string): Promise<RecordWire[]> {
  const answer = await w.post('/app/record/sync-record', token, { count: 1000 });
  expect(answer.status, answer.text).toBe(200);
  expect(answer.body.record_count).toBe(answer.body.records.length);
  return decodeRecords(answer.body.records);
}

/** The records of the single chat with `peer`, newest first. */
export async function privateRecords(w: World, token: string, peer: string): Promise<RecordWire[]> {
  const answer = await w.post('/app/record/pri-chat-record', token, { targetId: peer, count: 100, logId: 0 });
  expect(answer.status, answer.text).toBe(200);
  return answer.body.records;
}
