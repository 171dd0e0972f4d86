#!/usr/bin/env node
import { parseCli } from './cli-args.ts';
import { isRunnerError, RunnerError } from './engine/errors.ts';
import type { Provision } from './engine/fixture-types.ts';
import { loadHooks } from './fixtures/hooks.ts';
import { imgateProvider } from './fixtures/imgate-provider.ts';
import { progressReporter } from './reports/progress.ts';
import { renderSummary } from './reports/summary.ts';
import { writeReports } from './reports/write-reports.ts';
import { runSuite } from './run-suite.ts';

/** `imgate-conformance`: exit 0 when nothing failed, 1 when the server failed a check, 2 when the run broke. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseCli(argv);
    let provision: Provision;
    if (options.hooks) provision = await loadHooks(options.hooks);
    else if (options.adminToken) provision = imgateProvider(options.adminToken);
    else throw new RunnerError('fixtures need --admin-token (or IMGATE_ADMIN_TOKEN) or --hooks file.ts');
    const { results, matrix } = await runSuite({ ...options, provision, onCase: progressReporter() });
    if (process.stderr.isTTY) process.stderr.write('\n');
    process.stdout.write(`${renderSummary(results, matrix)}\n`);
    for (const path of writeReports(options.out, options.reports, results, matrix))
      process.stdout.write(`wrote ${path}\n`);
    return results.failures().length === 0 ? 0 : 1;
  } catch (error) {
    process.stderr.write(
      `imgate-conformance: ${isRunnerError(error) ? error.message : (error as Error).stack}\n`,
    );
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('conformance/cli.ts')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    () => process.exit(2),
  );
}
