import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RunnerError } from './engine/errors.ts';
import { ALL_PHASES, DEFAULT_BODY_LIMIT, type Phase, type SuiteOptions } from './run-suite.ts';

/** The parsed command line of `imgate-conformance`: the run's settings plus where fixtures and reports come from. */
export interface CliOptions
  extends
    Pick<SuiteOptions, 'target' | 'specFiles' | 'variants' | 'phases' | 'seed' | 'maxCases'>,
    Required<Pick<SuiteOptions, 'concurrency' | 'bodyLimit'>> {
  readonly hooks: string | undefined;
  readonly adminToken: string | undefined;
  readonly reports: readonly string[];
  readonly out: string;
}

export const USAGE = `usage: imgate-conformance --target URL [--spec file …] [--variant messages,imchat,record,push]
  [--phases ${ALL_PHASES.join(',')}] [--seed N] [--hooks file.ts] [--admin-token T]
  [--report json,junit] [--out dir] [--max-cases N] [--concurrency N] [--body-limit BYTES]
exit codes: 0 no failure, 1 the server failed a check, 2 the run or a document broke`;

const split = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function defaultSpecs(): string[] {
  const files = [
    'openapi/messages.yaml',
    'openapi/imchat.yaml',
    'openapi/record.yaml',
    'openapi/admin.yaml',
    'asyncapi/push.yaml',
  ];
  return files.filter((f) => existsSync(join(process.cwd(), f)));
}

/** Parses flags; bad input is a RunnerError (exit 2), never a silent default. */
export function parseCli(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      target: { type: 'string' },
      spec: { type: 'string', multiple: true },
      variant: { type: 'string' },
      phases: { type: 'string' },
      seed: { type: 'string' },
      hooks: { type: 'string' },
      'admin-token': { type: 'string' },
      report: { type: 'string' },
      out: { type: 'string' },
      'max-cases': { type: 'string' },
      concurrency: { type: 'string' },
      'body-limit': { type: 'string' },
    },
    strict: true,
  });
  if (!values.target) throw new RunnerError(`--target is required\n${USAGE}`);
  const phases = values.phases ? split(values.phases) : [...ALL_PHASES];
  const bad = phases.filter((p) => !(ALL_PHASES as readonly string[]).includes(p));
  if (bad.length > 0) throw new RunnerError(`unknown phase(s) ${bad.join(', ')}\n${USAGE}`);
  const int = (name: string, v: string | undefined, dflt: number) => {
    const n = v === undefined ? dflt : Number(v);
    if (!Number.isInteger(n) || n < 0) throw new RunnerError(`--${name} must be a non-negative integer`);
    return n;
  };
  const specFiles = values.spec?.length ? values.spec : defaultSpecs();
  return {
    target: values.target,
    specFiles,
    variants: values.variant ? split(values.variant) : ['messages', 'imchat', 'record', 'push'],
    phases: phases as Phase[],
    seed: int('seed', values.seed, 1),
    hooks: values.hooks,
    adminToken: values['admin-token'] ?? process.env.IMGATE_ADMIN_TOKEN,
    reports: split(values.report),
    out: values.out ?? 'reports/conformance',
    maxCases: int('max-cases', values['max-cases'], 6),
    concurrency: int('concurrency', values.concurrency, 8),
    bodyLimit: int('body-limit', values['body-limit'], DEFAULT_BODY_LIMIT),
  };
}
