import { describe, expect, it } from 'vitest';
import { counter_monotonic, type CounterObservation } from '../../conformance/checks/counter-monotonic.ts';
import { cursor_semantics } from '../../conformance/checks/cursor-semantics.ts';
import { window_bounds } from '../../conformance/checks/window-bounds.ts';
import type { Exchange } from '../../conformance/engine/http-client.ts';
import type { DeclaredPromise } from '../../conformance/engine/promise-model.ts';
import type { Operation } from '../../conformance/engine/spec-model.ts';

const promise = (check: string, params: Record<string, unknown>): DeclaredPromise => ({
  id: 'p',
  check,
  pointer: 'doc.yaml#/x',
  owner: 'v:op',
  params: { id: 'p', check, ...params },
});
const exchange = (body: unknown, json: unknown, status = 200): Exchange => ({
  request: { method: 'POST', url: 'http://127.0.0.1/x', headers: {}, body },
  response: { status, headers: {}, text: JSON.stringify(json), json, elapsedMs: 1 },
});
const answer = (p: DeclaredPromise, body: unknown, json: unknown, status = 200) => ({
  kind: 'response' as const,
  operation: { operationId: 'op', variant: 'v', promises: [p] } as unknown as Operation,
  exchange: exchange(body, json, status),
  caseKind: 'flow' as const,
});

describe('cursor_semantics on one page', () => {
  const pull = promise('cursor_semantics', {
    items: '/msgs',
    key: '/i',
    cursor: '/start',
    direction: '/dir',
    forward: 'after',
    backward: 'before',
    bound: 'inclusive',
    none: 0,
  });
  const sync = promise('cursor_semantics', {
    items: '/r',
    key: '/id',
    cursor: '/start',
    forward: 'always',
    bound: 'exclusive',
  });
  const msgs = (...keys: number[]) => ({ msgs: keys.map((i) => ({ i })) });
  it.each([
    ['inclusive after keeps the start', pull, { dir: 'after', start: 3 }, msgs(3, 4), 0],
    ['inclusive after below the start', pull, { dir: 'after', start: 3 }, msgs(2, 3), 1],
    ['inclusive before above the start', pull, { dir: 'before', start: 3 }, msgs(3, 4), 1],
    ['start 0 means none', pull, { dir: 'after', start: 0 }, msgs(1), 1],
    ['exclusive forward may not repeat the cursor', sync, { start: 5 }, { r: [{ id: 5 }, { id: 6 }] }, 1],
    ['exclusive forward above the cursor', sync, { start: 5 }, { r: [{ id: 6 }] }, 0],
    ['an error answer is not judged', sync, { start: 5 }, { r: [{ id: 1 }] }, 0, 400],
  ] as const)('%s', (_name, p, body, json, failures, status?: number) => {
    expect(cursor_semantics(answer(p, body, json, status ?? 200))).toHaveLength(failures);
  });
});

describe('window_bounds', () => {
  const p = promise('window_bounds', { items: '/items', limit: '/count', default: 2 });
  it.each([
    ['within the request', { count: 3 }, { items: [1, 2, 3] }, 0],
    ['over the request', { count: 3 }, { items: [1, 2, 3, 4] }, 1],
    ['over the default', {}, { items: [1, 2, 3] }, 1],
    ['a map counts its entries', { count: 1 }, { items: { a: 1, b: 2 } }, 1],
  ] as const)('%s', (_name, body, json, failures) => {
    expect(window_bounds(answer(p, body, json))).toHaveLength(failures);
  });
});

describe('counter_monotonic', () => {
  const shown = promise('counter_monotonic', {
    counter: 'seq',
    value: '/v',
    scope: '/chat',
    start: 1,
    step: 1,
  });
  const mover = promise('counter_monotonic', { counter: 'seq' });
  const at = (
    p: DeclaredPromise,
    value: number | undefined,
    scope: string | undefined,
  ): CounterObservation => ({
    promise: p,
    value,
    scope,
    exchange: exchange({}, {}),
  });
  const judge = (observations: CounterObservation[]) =>
    counter_monotonic({ kind: 'promise', promise: shown, observation: { counter: 'seq', observations } });
  it.each([
    ['steps of one', [at(shown, 1, 'a'), at(shown, 2, 'a'), at(shown, 3, 'a')], 0],
    ['a skipped value', [at(shown, 1, 'a'), at(shown, 3, 'a')], 1],
    ['a value that stands still', [at(shown, 2, 'a'), at(shown, 2, 'a')], 1],
    [
      'an unseen mover in between allows a jump',
      [at(shown, 1, 'a'), at(mover, undefined, undefined), at(shown, 3, 'a')],
      0,
    ],
    ['but never a fall', [at(shown, 4, 'a'), at(mover, undefined, undefined), at(shown, 3, 'a')], 1],
    ['scopes count apart', [at(shown, 5, 'a'), at(shown, 1, 'b'), at(shown, 6, 'a')], 0],
    ['below the start', [at(shown, 0, 'a')], 1],
  ] as const)('%s', (_name, observations, failures) => {
    expect(judge([...observations])).toHaveLength(failures);
  });
});
