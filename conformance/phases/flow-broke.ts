import type { Flow } from '../engine/flow-types.ts';
import { MalformedAnswer } from '../engine/failures.ts';
import type { RunContext } from '../engine/run-context.ts';

/**
 * A flow threw on an answer it could not use (base64 that does not decode, a body that is not
 * JSON, a field of the wrong type): that is the server's failure, reported with the last exchange
 * of the run, and the run goes on with the next flow instead of ending without a report.
 */
export function flowBroke(ctx: RunContext, phase: string, flow: Flow, error: unknown): void {
  const last = [...ctx.results.cases].reverse().find((c) => c.exchange !== undefined);
  const failure = new MalformedAnswer({
    check: 'not_a_server_error',
    operation: last ? `${last.variant}:${last.operation}` : flow.name,
    pointer: '#',
    message: `flow "${flow.name}" could not use an answer: ${(error as Error).message ?? String(error)}`,
    ...(last?.exchange ? { exchange: last.exchange } : {}),
  });
  ctx.results.add({
    variant: last?.variant ?? 'flows',
    phase,
    operation: last?.operation ?? flow.name,
    label: `${phase} ${flow.name}: unusable answer`,
    checks: ['not_a_server_error'],
    failures: [failure],
    ms: 0,
  });
}
