import type { CallOptions, FlowRuntime } from '../engine/flow-types.ts';

/** One deliberate request a correct server must refuse with `expect` (403, 404, 409, 400). */
export interface RefusalProbe {
  readonly operationId: string;
  readonly expect: number;
  /** Why the server must refuse: shown in the case label of a failure's report. */
  readonly why: string;
  readonly as?: string;
  readonly body?: unknown;
  readonly pathParams?: Readonly<Record<string, string>>;
}

/** Sends every probe whose operation is under test; a wrong status is a status_code_conformance failure. */
export async function sendProbes(rt: FlowRuntime, probes: readonly RefusalProbe[]): Promise<void> {
  for (const probe of probes.filter((p) => rt.has(p.operationId))) {
    const options: CallOptions = {
      expect: probe.expect,
      label: `${probe.why} -> ${probe.expect}`,
      ...(probe.as ? { as: probe.as } : {}),
      ...(probe.pathParams ? { pathParams: probe.pathParams } : {}),
    };
    await rt.call(probe.operationId, probe.body, options);
  }
}

/** The ids of the fixtures a probe table needs, with safe defaults when a fixture is absent. */
export function probeIds(rt: FlowRuntime) {
  const id = (name: string) => rt.fixtures.actors[name]?.id ?? '';
  return {
    owner: id('owner'),
    member: id('member'),
    outsider: id('outsider'),
    group: rt.fixtures.chats.group?.id ?? '',
    direct: rt.fixtures.chats.direct?.id ?? '',
    unknown: rt.unique('unknown'),
    /** One character over the documented 128-character id limit. */
    tooLong: 'x'.repeat(129),
    /** A sequence, index or logId far beyond anything the run creates. */
    farIndex: 999_999_999,
  };
}
