import { operationLabel } from './check-types.ts';
import { runChecks } from './exchange.ts';
import type { FixtureSet } from './fixture-types.ts';
import type { CallOptions } from './flow-types.ts';
import type { Exchange } from './http-client.ts';
import type { PushListener } from './push-listener.ts';
import type { RunContext } from './run-context.ts';
import type { Operation } from './spec-model.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LEAK_GRACE_MS = 150;

interface Emission {
  readonly operation: Operation;
  readonly exchange: Exchange;
  readonly fixtures: FixtureSet;
  readonly listeners: ReadonlyMap<string, PushListener>;
  /** Frame counts per actor when the call started: only later frames count. */
  readonly cursors: ReadonlyMap<string, number>;
  readonly options: CallOptions;
  readonly phase: string;
}

/**
 * Judges the events one successful `x-emits` call promised: each entitled connection must get each
 * event kind within the deadline (`push_emitted`); connections of actors outside the chat must get
 * none (`push_not_leaked`). Matching is by discriminator value and, when known, the chat number.
 */
export async function expectEmitted(ctx: RunContext, emission: Emission): Promise<void> {
  const { operation, fixtures, listeners, cursors, options } = emission;
  const push = ctx.specs.push;
  const chat = options.chat ? fixtures.chats[options.chat] : undefined;
  if (!chat && !options.audience) return;
  const audience = new Set(options.audience ?? chat?.members ?? []);
  const members = new Set(chat?.members ?? audience);
  const field = push?.discriminator ?? 'status';
  const since = (actor: string) =>
    (listeners.get(actor)?.frames ?? []).slice(cursors.get(actor) ?? 0).map((f) => f.json);
  const deadline = performance.now() + ctx.pushDeadlineMs;
  const role = options.as ?? fixtures.roles?.[operation.operationId] ?? 'owner';
  const actorNum = role === 'admin' ? undefined : fixtures.actors[role]?.num;
  for (const kind of operation.emits) {
    const message = push?.messages.find((m) => m.kind === kind);
    const wanted = (event: unknown): boolean => {
      const e = event as Record<string, unknown> | null;
      return e?.[field] === kind && (chat?.num === undefined || e?.chat_id === chat.num);
    };
    const done = () => [...audience].every((actor) => !listeners.has(actor) || since(actor).some(wanted));
    while (!done() && performance.now() < deadline) await sleep(20);
    await sleep(LEAK_GRACE_MS);
    for (const actor of listeners.keys()) {
      const entitled = audience.has(actor);
      if (!entitled && members.has(actor)) continue;
      const received = since(actor);
      if (entitled && received.some(wanted)) ctx.results.sawEvent(kind, operationLabel(operation));
      const input = {
        kind: 'push-expectation' as const,
        operation,
        event: kind,
        connection: actor,
        received,
        entitled,
        wanted,
        exchange: emission.exchange,
        ...(message ? { message } : {}),
        ...(actorNum === undefined ? {} : { actorNum }),
      };
      const { checks, failures } = runChecks(ctx, input);
      ctx.results.add({
        variant: 'push',
        phase: emission.phase,
        operation: kind,
        label: `${operationLabel(operation)} -> ${actor}`,
        checks,
        failures,
        ms: 0,
      });
    }
  }
}
