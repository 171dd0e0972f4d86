import { expect } from 'vitest';
import { type Answer, expectError, type World } from './world.ts';

/** The callers of the authorisation matrix, in the order they call. */
export const CALLERS = ['none', 'bad', 'outsider', 'other', 'owner', 'admin', 'member'] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * One row of an authorisation matrix: an operation, how to call it as a caller, and the exact
 * status each caller gets. In the worlds of these tests `member` sent the message under test,
 * `owner` created the chat, `other` is a plain member, `outsider` and `admin` are not members.
 */
export interface MatrixRow {
  readonly path: string;
  readonly call: (w: World, token: string | undefined) => Promise<Answer>;
  readonly expected: Readonly<Record<Caller, number>>;
}

/** The token a caller presents: none, a malformed one, or its own. */
export function tokenOf(w: World, caller: Caller): string | undefined {
  if (caller === 'none') return undefined;
  if (caller === 'bad') return 'not-a-jwt';
  return w.tokens[caller];
}

/** Calls `row` as `caller` and checks the exact status and, for errors, a bare `{code, msg}` without `secret`. */
export async function checkCell(w: World, row: MatrixRow, caller: Caller, secret: string): Promise<Answer> {
  const answer = await row.call(w, tokenOf(w, caller));
  const status = row.expected[caller];
  if (status === 200) expect(answer.status, `${row.path} as ${caller}: ${answer.text}`).toBe(200);
  else {
    expectError(answer, status);
    expect(answer.text).not.toContain(secret);
  }
  return answer;
}
