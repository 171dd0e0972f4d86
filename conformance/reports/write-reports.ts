import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../engine/results.ts';
import type { CoverageMatrix } from './coverage-matrix.ts';
import { RunnerError } from '../engine/errors.ts';
import { renderHtml } from './html.ts';
import { renderJUnit } from './junit.ts';

/** Fails before the run starts when reports could not be written to `dir` (not a directory, read-only). */
export function checkOutDir(dir: string): void {
  const probe = join(dir, `.imgate-conformance-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new RunnerError(`--out ${dir} is not a writable directory: ${(error as Error).message}`);
  }
}

/** Writes the requested report files (`json`, `junit`, `html`) into `dir`; returns their paths. */
export function writeReports(
  dir: string,
  formats: readonly string[],
  results: Results,
  matrix: CoverageMatrix,
): string[] {
  if (formats.length === 0) return [];
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  if (formats.includes('json')) {
    const path = join(dir, 'conformance.json');
    const failures = results.failures();
    const body = {
      ...(results.partial ? { partial: results.partial } : {}),
      cases: results.cases.length,
      seconds: results.seconds(),
      failures: failures.map((f) => f.toJSON()),
      coverage: matrix,
    };
    writeFileSync(path, `${JSON.stringify(body, null, 2)}\n`);
    written.push(path);
  }
  if (formats.includes('html')) {
    const path = join(dir, 'conformance.html');
    writeFileSync(path, renderHtml(results, matrix));
    written.push(path);
  }
  if (formats.includes('junit')) {
    const path = join(dir, 'junit.xml');
    writeFileSync(path, renderJUnit(results));
    written.push(path);
  }
  return written;
}
