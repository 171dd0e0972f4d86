import WebSocket from 'ws';
import type { ConnectAttempt } from '../checks/push-auth.ts';
import type { FixtureSet } from '../engine/fixture-types.ts';
import { judgePromise } from '../engine/promise-judge.ts';
import { promisesFor } from '../engine/promise-model.ts';
import { pushUrl } from '../engine/push-listener.ts';
import type { RunContext } from '../engine/run-context.ts';

/** A well-formed HS256 JWT signed with no server's key. */
const FORGED = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmb3JnZWQifQ.Zm9yZ2Vk';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One upgrade attempt: 101 when it opened, the refusal's status, or 0 when the connection failed. */
function attempt(url: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers, handshakeTimeout: timeoutMs });
    socket.once('open', () => {
      socket.terminate();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', () => resolve(0));
  });
}

/**
 * Tries the push channel with every credential of the `push_auth` promise (missing, forged,
 * expired, and a valid one) in both forms (header, `?token=`), then judges the outcomes.
 */
export async function probePushAuth(ctx: RunContext, phase: string, fixtures: FixtureSet): Promise<void> {
  const push = ctx.specs.push;
  const valid = fixtures.actors.owner?.token;
  if (!push || !valid) return;
  for (const promise of promisesFor(push.promises, 'push_auth')) {
    const refuse = (promise.params.refuse as string[] | undefined) ?? ['missing', 'forged'];
    const forms = (promise.params.forms as ConnectAttempt['form'][] | undefined) ?? ['header', 'query'];
    const expired = fixtures.expiredToken;
    if (refuse.includes('expired') && expired) await sleep(Math.max(0, expired.expiresAt - Date.now() + 50));
    const tokens: Record<string, string | undefined> = {
      valid,
      missing: undefined,
      forged: FORGED,
      ...(expired ? { expired: expired.token } : {}),
    };
    const attempts: ConnectAttempt[] = [];
    for (const [credential, token] of Object.entries(tokens)) {
      if (credential !== 'valid' && !refuse.includes(credential)) continue;
      for (const form of forms) {
        const url = pushUrl(ctx.target, push.address, form === 'query' ? (token ?? '') : undefined);
        const headers: Record<string, string> =
          form === 'header' && token ? { authorization: `Bearer ${token}` } : {};
        const status = await attempt(url, headers, ctx.timeoutMs);
        attempts.push({ credential: credential as ConnectAttempt['credential'], form, status });
      }
    }
    judgePromise(ctx, phase, promise, attempts);
  }
}
