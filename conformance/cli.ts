#!/usr/bin/env node
import { type CliOptions, parseCli, USAGE, UsageError } from './cli-args.ts';
import { isRunnerError, RunnerError } from './engine/errors.ts';
import type { Provision } from './engine/fixture-types.ts';
import { Results } from './engine/results.ts';
import { loadHooks } from './fixtures/hooks.ts';
import { imgateProvider } from './fixtures/imgate-provider.ts';
import { coverageMatrix } from './reports/coverage-matrix.ts';
import { progressReporter } from './reports/progress.ts';
import { renderSummary } from './reports/summary.ts';
import { checkOutDir, writeReports } from './reports/write-reports.ts';
import { CHECKS } from './checks/index.ts';
import { loadSpecs, runSuite } from './run-suite.ts';

const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

/** The command line that replays one phase of this run, as a repro for failures without one request. */
export function rerunCommand(options: CliOptions, specsGiven: boolean): (phase: string) => string {
  return (phase) =>
    [
      'imgate-conformance',
      '--target',
      quote(options.target),
      '--variant',
      options.variants.join(','),
      '--phases',
      phase,
      '--seed',
      String(options.seed),
      ...(options.hooks ? ['--hooks', quote(options.hooks)] : []),
      ...(specsGiven ? options.specFiles.flatMap((f) => ['--spec', quote(f)]) : []),
    ].join(' ');
}

async function run(options: CliOptions, argv: readonly string[], results: Results): Promise<number> {
  let provision: Provision;
  if (options.hooks) provision = await loadHooks(options.hooks);
  else if (options.adminToken) provision = imgateProvider(options.adminToken);
  else throw new RunnerError('fixtures need --admin-token (or IMGATE_ADMIN_TOKEN) or --hooks file.ts');
  results.rerun = rerunCommand(options, argv.includes('--spec'));
  const { matrix } = await runSuite({ ...options, provision, results });
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stdout.write(`${renderSummary(results, matrix)}\n`);
  for (const path of writeReports(options.out, options.reports, results, matrix))
    process.stdout.write(`wrote ${path}\n`);
  return results.failures().length === 0 ? 0 : 1;
}

/** Writes whatever the run saw so far, marked partial, so CI always has an artifact. */
async function writePartial(options: CliOptions, results: Results, why: string): Promise<void> {
  if (results.cases.length === 0 || options.reports.length === 0) return;
  results.partial = why;
  results.finishedAt = performance.now();
  try {
    const specs = await loadSpecs(options.specFiles);
    const matrix = coverageMatrix(specs, results, options.variants, new Set(CHECKS.keys()));
    for (const path of writeReports(options.out, options.reports, results, matrix))
      process.stderr.write(`wrote partial ${path}\n`);
  } catch (error) {
    process.stderr.write(
      `imgate-conformance: could not write partial reports: ${(error as Error).message}\n`,
    );
  }
}

/**
 * `imgate-conformance`: exit 0 when nothing failed, 1 when the server failed a check, 2 when the
 * run broke or the command line was wrong. Reports are written even when the run stops early.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
    if (options.reports.length > 0) checkOutDir(options.out);
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(`${message ? `imgate-conformance: ${message}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const results = new Results(progressReporter());
  const interrupted = (signal: NodeJS.Signals) => {
    void writePartial(options, results, `interrupted by ${signal}`).then(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    return await run(options, argv, results);
  } catch (error) {
    const message =
      isRunnerError(error) && !(error instanceof UsageError) ? error.message : (error as Error).stack;
    process.stderr.write(`imgate-conformance: ${message}\n`);
    await writePartial(options, results, `the run broke: ${(error as Error).message}`);
    return 2;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('conformance/cli.ts')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    () => process.exit(2),
  );
}
