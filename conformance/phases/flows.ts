import { RunnerError } from '../engine/errors.ts';
import { runChecks } from '../engine/exchange.ts';
import { createFlowRuntime, FlowAborted } from '../engine/flow-runtime.ts';
import type { Flow } from '../engine/flow-types.ts';
import { listen, type PushListener, pushUrl } from '../engine/push-listener.ts';
import { findOperation, fixturesFor, type RunContext } from '../engine/run-context.ts';

type FlowPhase = 'stateful' | 'push' | 'consistency';

/** Opens one push connection per actor; every frame is checked against the AsyncAPI document on arrival. */
async function openListeners(ctx: RunContext, phase: FlowPhase, actors: Record<string, { token: string }>) {
  const push = ctx.specs.push;
  const listeners = new Map<string, PushListener>();
  if (!push) return listeners;
  for (const [actor, { token }] of Object.entries(actors)) {
    const url = pushUrl(ctx.target, push.address, token);
    const listener = await listen(url, actor, (frame) => {
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
        operation: String(kind ?? 'frame'),
        label: `frame -> ${actor}`,
        checks,
        failures,
        ms: 0,
      });
    }).catch((error: Error) => {
      throw new RunnerError(
        `cannot open push connection ${url.replace(/token=[^&]+/, 'token=…')}: ${error.message}`,
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
