import { directionOf, keysOf } from '../checks/cursor-semantics.ts';
import type { CallOptions, FlowRuntime } from './flow-types.ts';
import type { Exchange } from './http-client.ts';
import { asNumber, type DeclaredPromise } from './promise-model.ts';

const MAX_PAGES = 30;
const field = (pointer: unknown): string => (typeof pointer === 'string' ? pointer.replace(/^\//, '') : '');

export interface PagingOptions {
  readonly way: 'forward' | 'backward';
  readonly start: number;
  readonly pageSize: number;
  /** The window of the one big request the pages are compared with. */
  readonly wholeLimit: number;
  readonly call?: CallOptions;
}

/**
 * Walks a `cursor_semantics` promise page by page as a client would (the next cursor is the last
 * key, plus or minus one when the bound is inclusive), then asks for the same range in one big
 * window and lets the check compare: no overlap, no skip. Fields are the promise's pointers.
 */
export async function paginate(
  rt: FlowRuntime,
  operationId: string,
  promise: DeclaredPromise,
  base: Readonly<Record<string, unknown>>,
  options: PagingOptions,
): Promise<void> {
  const { params } = promise;
  const body = (cursor: number, limit: number) => ({
    ...base,
    [field(params.cursor)]: cursor,
    [field(params.limit)]: limit,
    ...(params.direction ? { [field(params.direction)]: params[options.way] } : {}),
  });
  const inclusive = params.bound === 'inclusive' ? 1 : 0;
  const stopAt = asNumber(options.way === 'backward' ? (params.latest ?? params.none) : params.none);
  const pages: Exchange[] = [];
  let cursor = options.start;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await rt.call(operationId, body(cursor, options.pageSize), {
      ...options.call,
      label: `${promise.id} page ${i + 1}`,
    });
    if (directionOf(promise, page.exchange.request.body) !== options.way) return;
    const keys = keysOf(promise, page.json);
    if (keys.length === 0) break;
    pages.push(page.exchange);
    cursor = options.way === 'forward' ? Math.max(...keys) + inclusive : Math.min(...keys) - inclusive;
    if (cursor === stopAt || cursor < 0) break;
  }
  const whole = await rt.call(operationId, body(options.start, options.wholeLimit), {
    ...options.call,
    label: `${promise.id} one window`,
  });
  rt.judge(promise, { pages, whole: whole.exchange, wholeLimit: options.wholeLimit });
}
