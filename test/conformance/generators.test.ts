import { expect, it } from 'vitest';
import { isValid } from '../../conformance/engine/schema-validator.ts';
import type { Operation } from '../../conformance/engine/spec-model.ts';
import { coverageCases, fuzzCases } from '../../conformance/generators/cases.ts';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['target', 'count'],
  properties: {
    target: { type: 'string', minLength: 1, maxLength: 8 },
    direction: { type: 'string', enum: ['before', 'after'] },
    count: { type: 'integer', minimum: 1, maximum: 50 },
  },
};
const media = { mediaType: 'application/json', schema, examples: [], pointer: '#' };
const op = { operationId: 'pull', variant: 'imchat' } as Operation;

it('replays the same fuzz cases for the same seed and differs for another', () => {
  const a = fuzzCases(op, media, {}, 42, 20);
  expect(fuzzCases(op, media, {}, 42, 20)).toEqual(a);
  expect(fuzzCases(op, media, {}, 43, 20)).not.toEqual(a);
});

it('keeps positives valid and negatives invalid, and pins bound fields', () => {
  const cases = coverageCases(op, media, { target: 's_1' }, 1);
  for (const c of cases) expect(isValid(schema, c.body)).toBe(c.kind === 'positive');
  expect(
    cases.filter((c) => c.kind === 'positive').every((c) => (c.body as { target: string }).target === 's_1'),
  ).toBe(true);
  expect(cases.map((c) => c.label)).toEqual(
    expect.arrayContaining(['missing required count', 'unknown field', 'count: above maximum']),
  );
});
