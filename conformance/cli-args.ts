import { parseArgs } from 'node:util';
import { defaultSpecs } from './default-specs.ts';
import { RunnerError } from './engine/errors.ts';
import { ALL_PHASES, DEFAULT_BODY_LIMIT, type Phase, type SuiteOptions } from './run-suite.ts';

export const REPORT_FORMATS = ['json', 'junit', 'html'] as const;
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The parsed command line of `imgate-conformance`: the run's settings plus where fixtures and reports come from. */
export interface CliOptions
  extends
    Pick<SuiteOptions, 'target' | 'specFiles' | 'variants' | 'phases' | 'seed' | 'maxCases'>,
    Required<Pick<SuiteOptions, 'concurrency' | 'bodyLimit' | 'timeoutMs'>> {
  /** Undefined: the document's `push-delivery` promise decides (`deadline_ms`), else 2000. */
  readonly pushDeadlineMs: number | undefined;
  readonly hooks: string | undefined;
  readonly adminToken: string | undefined;
  readonly reports: readonly string[];
  readonly out: string;
}

export const USAGE = `usage: imgate-conformance --target URL [options]
  --target URL            base URL of the server under test (required)
  --spec file             a document to test against (repeatable; default: the bundled documents)
  --variant list          messages,imchat,record,admin,push (default messages,imchat,record,push)
  --phases list           ${ALL_PHASES.join(',')} (default all)
  --seed N                seeds every generator, N >= 0 (default 1)
  --max-cases N           fuzz cases per operation, N >= 0 (default 6)
  --concurrency N         parallel requests, N >= 1 (default 8)
  --body-limit BYTES      the server's request body limit; 0 skips the 413 cases (default ${DEFAULT_BODY_LIMIT})
  --timeout MS            HTTP request timeout, MS >= 1 (default ${DEFAULT_TIMEOUT_MS})
  --push-deadline MS      how long a promised push event may take, MS >= 1 (default: the document's, else 2000)
  --admin-token T         admin token for imgate's admin API (default $IMGATE_ADMIN_TOKEN)
  --hooks file            fixtures from a module instead of the admin API
  --report list           ${REPORT_FORMATS.join(',')} (default none)
  --out dir               where reports go (default reports/conformance)
  --help                  this text
exit codes: 0 no failure, 1 the server failed a check, 2 the run or a document broke, or this usage was printed`;

/** Bad command lines: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends RunnerError {
  override readonly name = 'UsageError';
}

const split = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function int(name: string, v: string | undefined, dflt: number, min: number): number;
function int(name: string, v: string | undefined, dflt: undefined, min: number): number | undefined;
function int(name: string, v: string | undefined, dflt: number | undefined, min: number): number | undefined {
  if (v === undefined) return dflt;
  const n = /^\d+$/.test(v.trim()) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min)
    throw new UsageError(`--${name} must be an integer >= ${min}, got "${v}"`);
  return n;
}

function oneOf(name: string, values: readonly string[], allowed: readonly string[]): void {
  const bad = values.filter((v) => !allowed.includes(v));
  if (bad.length > 0)
    throw new UsageError(`--${name}: unknown ${bad.join(', ')} (one of ${allowed.join(', ')})`);
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        help: { type: 'boolean' },
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
        timeout: { type: 'string' },
        'push-deadline': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Parses flags; bad input is a UsageError (usage, exit 2), never a stack trace or a silent default. */
export function parseCli(argv: readonly string[]): CliOptions {
  const values = parse(argv);
  if (values.help) throw new UsageError('');
  if (!values.target) throw new UsageError('--target is required');
  try {
    new URL(values.target);
  } catch {
    throw new UsageError(`--target must be a URL, got "${values.target}"`);
  }
  const phases = values.phases ? split(values.phases) : [...ALL_PHASES];
  oneOf('phases', phases, ALL_PHASES);
  const reports = split(values.report);
  oneOf('report', reports, REPORT_FORMATS);
  return {
    target: values.target,
    specFiles: values.spec?.length ? values.spec : defaultSpecs(),
    variants: values.variant ? split(values.variant) : ['messages', 'imchat', 'record', 'push'],
    phases: phases as Phase[],
    seed: int('seed', values.seed, 1, 0),
    hooks: values.hooks,
    adminToken: values['admin-token'] ?? process.env.IMGATE_ADMIN_TOKEN,
    reports,
    out: values.out ?? 'reports/conformance',
    maxCases: int('max-cases', values['max-cases'], 6, 0),
    concurrency: int('concurrency', values.concurrency, 8, 1),
    bodyLimit: int('body-limit', values['body-limit'], DEFAULT_BODY_LIMIT, 0),
    timeoutMs: int('timeout', values.timeout, DEFAULT_TIMEOUT_MS, 1),
    pushDeadlineMs: int('push-deadline', values['push-deadline'], undefined, 1),
  };
}
