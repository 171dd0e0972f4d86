import { RunnerError } from '../engine/errors.ts';
import { runChecks } from '../engine/exchange.ts';
import { createFlowRuntime, FlowAborted } from '../engine/flow-runtime.ts';
import type { Flow } from '../engine/flow-types.ts';
import { listen, type PushAuth, type PushListener, pushUrl } from '../engine/push-listener.ts';
import { findOperation, fixturesFor, type RunContext } from '../engine/run-context.ts';

type FlowPhase = 'stateful' | 'push' | 'consistency';

/** Opens one push connection per actor; every frame is checked against the AsyncAPI document on arrival. */
async function openListeners(ctx: RunContext, phase: FlowPhase, actors: Record<string, { token: string }>) {
  const push = ctx.specs.push;
  const listeners = new Map<string, PushListener>();
  if (!push) return listeners;
  for (const [index, [actor, { token }]] of Object.entries(actors).entries()) {
    // Both ways of presenting the token are exercised: they alternate per actor and per phase.
    const auth: PushAuth = (index + (phase === 'push' ? 0 : 1)) % 2 === 0 ? 'query' : 'header';
    const url = pushUrl(ctx.target, push.address, auth === 'query' ? token : undefined);
    const headers: Record<string, string> = auth === 'header' ? { authorization: `Bearer ${token}` } : {};
    const listener = await listen(
      url,
      actor,
      (frame) => {
        const { checks, failures } = runChecks(ctx, {
          kind: 'push-frame',
          push,
          connection: actor,
          text: frame.text,
        });
        const kind = (frame.json as Record<string, unknown> | undefined)?.[push.discriminator];
        ctx.results.add({
          variant: 'push',
          phase,
          operation: typeof kind === 'string' ? kind : 'frame',
          label: `frame -> ${actor}`,
          checks,
          failures,
          ms: 0,
        });
      },
      { headers },
    ).catch((error: Error) => {
      throw new RunnerError(
        `cannot open push connection ${url.replace(/token=[^&]+/, 'token=…')} (token in the ${auth}): ${error.message}`,
      );
    });
    listeners.set(actor, listener);
  }
  return listeners;
}

/**
 * Runs the declared flows of one phase on fresh fixtures. `push` and `consistency` connect every
 * actor to the push channel first, so events are observed from the first step on.
 */
export async function runFlows(ctx: RunContext, phase: FlowPhase, flows: readonly Flow[]): Promise<void> {
  const selected = flows.filter(
    (f) => f.phases.includes(phase) && f.requires.every((id) => findOperation(ctx, id)),
  );
  if (selected.length === 0) return;
  const fixtures = await fixturesFor(ctx, phase);
  const listeners =
    phase === 'stateful'
      ? new Map<string, PushListener>()
      : await openListeners(ctx, phase, { ...fixtures.actors });
  try {
    for (const flow of selected) {
      const runtime = createFlowRuntime(ctx, phase, fixtures, listeners);
      try {
        await flow.run(runtime);
      } catch (error) {
        if (!(error instanceof FlowAborted)) throw error;
      }
    }
  } finally {
    for (const listener of listeners.values()) listener.close();
  }
}
