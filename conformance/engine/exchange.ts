import { ANSWER_PROMISE_CHECKS, CHECK_SCOPE } from '../checks/index.ts';
import type { CaseKind, CheckInput, FreedMarker } from './check-types.ts';
import type { Failure } from './failures.ts';
import { type Exchange, type HttpRequest, send } from './http-client.ts';
import type { RunContext } from './run-context.ts';
import type { DeclaredPromise } from './promise-model.ts';
import type { Operation } from './spec-model.ts';

/** One request to send for an operation. */
export interface CaseSpec {
  readonly phase: string;
  readonly label: string;
  readonly caseKind: CaseKind;
  readonly body: unknown;
  readonly mediaType: string | undefined;
  /** Bearer token; undefined sends no Authorization header. `authorization` overrides it raw. */
  readonly token: string | undefined;
  readonly authorization?: string;
  readonly expectedStatus?: number;
  readonly freed?: readonly FreedMarker[];
  readonly pathParams?: Readonly<Record<string, string>>;
  /** Send on a connection of its own (bodies over the server's limit). */
  readonly freshConnection?: boolean;
}

/** The checks that apply to one input, by scope (see CHECK_SCOPE). */
export function applicableChecks(input: CheckInput): string[] {
  if (input.kind === 'promise') return [input.promise.check];
  if (input.kind !== 'response') return [...(CHECK_SCOPE[input.kind] ?? [])];
  const names = [...(CHECK_SCOPE.response ?? [])];
  const declared = new Set(input.operation.promises.map((p) => p.check));
  names.push(...ANSWER_PROMISE_CHECKS.filter((c) => declared.has(c)));
  if (input.caseKind === 'negative' || input.caseKind === 'positive' || input.caseKind === 'auth') {
    names.push(...(CHECK_SCOPE[input.caseKind] ?? []));
  }
  if (input.freed && input.freed.length > 0) names.push(...(CHECK_SCOPE.freed ?? []));
  return names;
}

/** Promises that declare themselves a view of another (`view: ack-read-mark`): judged with it. */
function viewsOf(ctx: RunContext, id: string): DeclaredPromise[] {
  return ctx.operations.flatMap((o) => o.promises.filter((p) => p.params.view === id));
}

/** The declared promises the checks that ran on `input` evaluated. */
function evaluatedPromises(ctx: RunContext, input: CheckInput, checks: readonly string[]): DeclaredPromise[] {
  const declared =
    input.kind === 'response'
      ? input.operation.promises
      : input.kind === 'promise'
        ? [input.promise, ...viewsOf(ctx, input.promise.id)]
        : input.kind === 'push-expectation'
          ? [...(ctx.specs.push?.promises ?? []), ...(input.message?.promises ?? [])]
          : input.kind === 'push-connection'
            ? input.push.promises
            : [];
  return declared.filter((p) => checks.includes(p.check));
}

/** Runs every applicable check of the registry on one input. */
export function runChecks(ctx: RunContext, input: CheckInput): { checks: string[]; failures: Failure[] } {
  const checks = applicableChecks(input).filter((n) => ctx.checks.has(n));
  for (const p of evaluatedPromises(ctx, input, checks)) ctx.results.promisesEvaluated.add(p.pointer);
  const failures = checks.flatMap((name) => [...(ctx.checks.get(name)?.(input) ?? [])]);
  return { checks, failures };
}

function buildRequest(ctx: RunContext, operation: Operation, spec: CaseSpec): HttpRequest {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(spec.pathParams?.[name] ?? 'conformance'),
  );
  const headers: Record<string, string> = { accept: 'application/json' };
  const authorization = spec.authorization ?? (spec.token ? `Bearer ${spec.token}` : undefined);
  if (authorization) headers.authorization = authorization;
  return {
    method: operation.method,
    url: `${ctx.target.replace(/\/$/, '')}${path}`,
    headers,
    ...(spec.freshConnection ? { freshConnection: true } : {}),
    ...(spec.body === undefined ? {} : { body: spec.body, mediaType: spec.mediaType ?? 'application/json' }),
  };
}

/** Sends one case, checks its response with the registry, and records it. */
export async function performCase(ctx: RunContext, operation: Operation, spec: CaseSpec): Promise<Exchange> {
  const request = buildRequest(ctx, operation, spec);
  const response = await send(request, ctx.timeoutMs);
  const exchange = { request, response };
  const input: CheckInput = {
    kind: 'response',
    operation,
    exchange,
    caseKind: spec.caseKind,
    ...(spec.expectedStatus === undefined ? {} : { expectedStatus: spec.expectedStatus }),
    ...(spec.freed ? { freed: spec.freed } : {}),
  };
  const { checks, failures } = runChecks(ctx, input);
  ctx.results.add({
    variant: operation.variant,
    phase: spec.phase,
    operation: operation.operationId,
    label: spec.label,
    status: response.status,
    checks,
    failures,
    ms: response.elapsedMs,
    exchange,
  });
  return exchange;
}
