/** Shared helpers of the answer mutations: read and rewrite JSON answers the proxy passes on. */
import type { AnswerContext } from './mutation-types.ts';

export type Json = Record<string, unknown>;
export const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});
export const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
export const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
export const unb64 = (s: unknown): Json => obj(JSON.parse(Buffer.from(String(s), 'base64').toString('utf8')));

/** Rewrites the array at `key` of `holder` (a shallow copy) with `change`, on one path only. */
export function onArray(
  path: string,
  at: (answer: Json) => Json,
  key: string,
  change: (items: unknown[], ctx: AnswerContext) => unknown[] | undefined,
) {
  return (ctx: AnswerContext): unknown => {
    if (ctx.path !== path) return undefined;
    const answer = structuredClone(obj(ctx.answer));
    const holder = at(answer);
    const changed = change(list(holder[key]), ctx);
    if (!changed) return undefined;
    holder[key] = changed;
    return answer;
  };
}
export const top = (a: Json) => a;
export const data = (a: Json) => obj(a.data);
export const req = (ctx: AnswerContext, field: string) => obj(ctx.request)[field];
export const full = (count: unknown) => (items: unknown[]) =>
  items.length > 0 && items.length === Number(count) ? [...items, items.at(-1)] : undefined;
export const reversed = (items: unknown[]) => (items.length > 1 ? [...items].reverse() : undefined);

/** The n-th call (from 1) of a path, counted by the proxy. */
export function nth(ctx: AnswerContext): number {
  const n = (ctx.memory.calls.get(ctx.path) ?? 0) + 1;
  ctx.memory.calls.set(ctx.path, n);
  return n;
}

/** A repeat of an identical request to the same path (a client retry); multipart by its `file` part. */
export function isRetry(ctx: AnswerContext): boolean {
  const raw = ctx.raw.toString('utf8');
  const file = /name="file"\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw)?.[1];
  const key = `retry:${ctx.path}:${file ?? raw}`;
  const seen = ctx.memory.facts.has(key);
  ctx.memory.facts.set(key, true);
  return seen;
}
