import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHECKS } from '../../conformance/checks/index.ts';
import { SpecError } from '../../conformance/engine/errors.ts';
import { PROMISES_KEY, readPromises } from '../../conformance/engine/promise-model.ts';
import { PROMISE_CHECKS } from '../../conformance/engine/promise-schema.ts';
import { loadSpecs } from '../../conformance/run-suite.ts';
import { OPENAPI_VARIANTS, PUSH_SPEC, specPath } from './spec-loader.ts';

const FILES = [...OPENAPI_VARIANTS.map(specPath), PUSH_SPEC];

/** Every `x-imgate-promises` block of a raw (unresolved) document, with its JSON pointer. */
function blocks(node: unknown, pointer = '#'): { pointer: string; value: unknown }[] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === PROMISES_KEY
      ? [{ pointer, value }]
      : blocks(value, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
  );
}

describe('x-imgate-promises', async () => {
  const specs = await loadSpecs(FILES);
  const declared = [
    ...specs.apis.flatMap((a) => a.operations.flatMap((o) => o.promises)),
    ...(specs.push?.promises ?? []),
    ...(specs.push?.messages.flatMap((m) => m.promises) ?? []),
  ];

  it.each(FILES.map((f) => [f.replace(/.*\/(openapi|asyncapi)\//, '$1/'), f]))(
    '%s: every block is a list of promises that fit the schema of their check',
    (_name, file) => {
      const raw = parse(readFileSync(file, 'utf8'));
      for (const block of blocks(raw))
        expect(() => readPromises(block.value, file, block.pointer, 'x')).not.toThrow();
    },
  );

  it('names only checks of the registry, with ids unique per document', () => {
    for (const p of declared) expect(CHECKS.has(p.check), `${p.pointer} names ${p.check}`).toBe(true);
    for (const check of PROMISE_CHECKS) expect(CHECKS.has(check), check).toBe(true);
    const ids = declared.map((p) => `${p.pointer.split('#')[0]} ${p.id}`);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('declares the promises clients rely on: windows, order, cursors, counters, read marks, retries, push', () => {
    const checks = new Set(declared.map((p) => p.check));
    for (const check of ['window_bounds', 'ordering', 'cursor_semantics', 'counter_monotonic', 'read_state'])
      expect(checks, check).toContain(check);
    for (const check of ['idempotent_retry', 'conversation_isolation', 'encoding_conformance'])
      expect(checks, check).toContain(check);
    for (const check of ['push_exactly_once', 'push_actor', 'push_auth', 'push_emitted', 'push_not_leaked'])
      expect(checks, check).toContain(check);
    expect(declared.length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ['not a list', { id: 'a' }, /must be a list/],
    ['no check', [{ id: 'a' }], /invalid promise/],
    ['an unknown check', [{ id: 'a', check: 'vibes' }], /invalid promise/],
    [
      'a pointer without a slash',
      [{ id: 'a', check: 'ordering', items: 'msgs', key: '/k', order: 'ascending' }],
      /0\/items/,
    ],
    [
      'a misspelt parameter',
      [{ id: 'a', check: 'window_bounds', items: '/a', limit: '/n', limt: 3 }],
      /limt/,
    ],
  ])('refuses %s with the pointer of the node', (_name, value, message) => {
    expect(() => readPromises(value, 'doc.yaml', '#/paths/~1x/post', 'x')).toThrow(SpecError);
    expect(() => readPromises(value, 'doc.yaml', '#/paths/~1x/post', 'x')).toThrow(message);
  });
});
