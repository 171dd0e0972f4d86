import { CHECKS } from './checks/index.ts';
import { loadAsyncApi } from './engine/asyncapi-loader.ts';
import { RunnerError } from './engine/errors.ts';
import type { Provision } from './engine/fixture-types.ts';
import type { Flow } from './engine/flow-types.ts';
import { loadOpenApi } from './engine/openapi-loader.ts';
import { type OnCase, Results } from './engine/results.ts';
import type { RunContext } from './engine/run-context.ts';
import type { SpecSet } from './engine/spec-model.ts';
import { IMGATE_FLOWS } from './flows/index.ts';
import { runCoverage } from './phases/coverage.ts';
import { runExamples } from './phases/examples.ts';
import { runFlows } from './phases/flows.ts';
import { runFuzz } from './phases/fuzz.ts';
import { runLinks } from './phases/links.ts';
import { type CoverageMatrix, coverageMatrix } from './reports/coverage-matrix.ts';

export const ALL_PHASES = ['examples', 'coverage', 'fuzz', 'stateful', 'push', 'consistency'] as const;
/** imgate's documented limit (`413 PayloadTooLarge`: 1 MiB); `--body-limit` overrides it. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export type Phase = (typeof ALL_PHASES)[number];

/** Everything a run needs; the CLI builds it from flags, tests build it directly. */
export interface SuiteOptions {
  readonly target: string;
  /** OpenAPI files (one per variant) and at most one AsyncAPI file. */
  readonly specFiles: readonly string[];
  readonly variants: readonly string[];
  readonly phases: readonly Phase[];
  readonly provision: Provision;
  readonly seed: number;
  readonly maxCases: number;
  readonly concurrency?: number;
  /** How long a promised push event may take; default: the channel's `push_emitted` promise (`deadline_ms`), else 2000. */
  readonly pushDeadlineMs?: number | undefined;
  /** HTTP request timeout (default 10 s). */
  readonly timeoutMs?: number;
  /** Collects what the run observes; pass one in to write reports of an interrupted run. */
  readonly results?: Results;
  /** Request body limit of the server in bytes (default 1 MiB); 0 skips the over-the-limit cases. */
  readonly bodyLimit?: number;
  readonly flows?: readonly Flow[];
  readonly onCase?: OnCase;
}

/** Loads the documents: `asyncapi:` files through @asyncapi/parser, the rest as OpenAPI 3.0. */
export async function loadSpecs(files: readonly string[]): Promise<SpecSet> {
  const isAsync = (f: string) => /asyncapi/i.test(f);
  const apis = files.filter((f) => !isAsync(f)).map(loadOpenApi);
  const asyncFile = files.find(isAsync);
  return { apis, push: asyncFile ? await loadAsyncApi(asyncFile) : undefined };
}

/** Runs the selected phases in order and returns what was observed plus the coverage matrix. */
export async function runSuite(options: SuiteOptions): Promise<{ results: Results; matrix: CoverageMatrix }> {
  const specs = await loadSpecs(options.specFiles);
  const known = [...specs.apis.map((a) => a.variant), ...(specs.push ? ['push'] : [])];
  const unknown = options.variants.filter((v) => !known.includes(v));
  if (unknown.length > 0)
    throw new RunnerError(`no document for variant(s) ${unknown.join(', ')} (loaded: ${known.join(', ')})`);
  const results = options.results ?? new Results(options.onCase);
  const delivery = specs.push?.promises.find((p) => p.check === 'push_emitted')?.params.deadline_ms;
  const ctx: RunContext = {
    target: options.target,
    specs: options.variants.includes('push') ? specs : { ...specs, push: undefined },
    operations: specs.apis.filter((a) => options.variants.includes(a.variant)).flatMap((a) => a.operations),
    checks: CHECKS,
    provision: options.provision,
    results,
    seed: options.seed,
    maxCases: options.maxCases,
    concurrency: options.concurrency ?? 8,
    timeoutMs: options.timeoutMs ?? 10_000,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    pushDeadlineMs: options.pushDeadlineMs ?? (typeof delivery === 'number' ? delivery : 2000),
    fixtureCache: new Map(),
  };
  const flows = options.flows ?? IMGATE_FLOWS;
  const phases: Record<Phase, () => Promise<void>> = {
    examples: () => runExamples(ctx),
    coverage: () => runCoverage(ctx),
    fuzz: () => runFuzz(ctx),
    stateful: async () => {
      await runLinks(ctx);
      await runFlows(ctx, 'stateful', flows);
    },
    push: () => runFlows(ctx, 'push', flows),
    consistency: () => runFlows(ctx, 'consistency', flows),
  };
  for (const phase of ALL_PHASES.filter((p) => options.phases.includes(p))) await phases[phase]();
  results.finishedAt = performance.now();
  return { results, matrix: coverageMatrix(ctx.specs, results, options.variants, new Set(CHECKS.keys())) };
}
