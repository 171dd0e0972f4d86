import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../engine/results.ts';
import type { CoverageMatrix } from './coverage-matrix.ts';
import { renderJUnit } from './junit.ts';

/** Writes the requested report files (`json`, `junit`) into `dir`; returns their paths. */
export function writeReports(
  dir: string,
  formats: readonly string[],
  results: Results,
  matrix: CoverageMatrix,
): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  if (formats.includes('json')) {
    const path = join(dir, 'conformance.json');
    const failures = results.failures();
    const body = {
      cases: results.cases.length,
      seconds: results.seconds(),
      failures: failures.map((f) => f.toJSON()),
      coverage: matrix,
    };
    writeFileSync(path, `${JSON.stringify(body, null, 2)}\n`);
    written.push(path);
  }
  if (formats.includes('junit')) {
    const path = join(dir, 'junit.xml');
    writeFileSync(path, renderJUnit(results));
    written.push(path);
  }
  return written;
}
