import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { PUSH_SPEC } from './spec-loader.ts';

/** Spectral severities used by the parser: 0 error, 1 warning, 2 information, 3 hint. */
const ERROR = 0;

describe('asyncapi/push.yaml', async () => {
  const { document, diagnostics } = await new Parser().parse(readFileSync(PUSH_SPEC, 'utf8'), {
    source: PUSH_SPEC,
  });

  it('parses with no error diagnostics', () => {
    const errors = diagnostics.filter((d) => Number(d.severity) === ERROR);
    expect(errors.map((d) => `${d.code} at ${d.path.join('/')}: ${d.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('declares the ws server, the /ws channel and the receiveChatMessage send operation', () => {
    expect(document?.servers().get('ws')?.protocol()).toBe('ws');
    expect(
      document
        ?.channels()
        .all()
        .map((c) => c.address()),
    ).toEqual(['/ws']);
    const operation = document?.operations().get('receiveChatMessage');
    expect(operation?.action()).toBe('send');
    expect(
      operation
        ?.messages()
        .all()
        .map((m) => m.id()),
    ).toEqual(['sendMessage', 'withdrawMessage', 'readMessage', 'canonicalEvent']);
  });

  it.each([
    ['sendMessage', 'send message'],
    ['withdrawMessage', 'withdraw message'],
    ['readMessage', 'read message'],
  ])('%s has a closed payload with status %s and an example', (id, status) => {
    const message = document?.messages().get(id);
    const payload = message?.payload()?.json() as { additionalProperties?: boolean; properties?: object };
    expect(payload.additionalProperties).toBe(false);
    expect(payload.properties).toMatchObject({ type: { const: 'chat.message' }, status: { const: status } });
    expect(message?.examples().all().length).toBeGreaterThan(0);
  });

  it('offers the canonical event as a second, closed message chosen with ?format=canonical', () => {
    const message = document?.messages().get('canonicalEvent');
    const payload = message?.payload()?.json() as { additionalProperties?: boolean; properties?: object };
    expect(payload.additionalProperties).toBe(false);
    expect(payload.properties).toMatchObject({ type: { const: 'imgate.event' } });
    const query = document?.channels().get('ws')?.bindings().get('ws')?.value() as {
      query: { properties: { format: { enum: string[]; default: string } } };
    };
    expect(query.query.properties.format).toMatchObject({ enum: ['seed', 'canonical'], default: 'seed' });
  });

  it('rejects a broken document', async () => {
    const broken = 'asyncapi: 3.0.0\ninfo: {title: t}\nchannels: {a: {address: 1}}\n';
    const result = await new Parser().parse(broken);
    expect(result.diagnostics.some((d) => Number(d.severity) === ERROR)).toBe(true);
  });
});
