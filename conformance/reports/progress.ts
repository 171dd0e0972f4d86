import type { OnCase } from '../engine/results.ts';

/**
 * Live progress: one rewritten line on a TTY, a plain line every 100 cases otherwise (CI logs
 * must stay readable).
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): OnCase {
  let last = 0;
  return function reportProgress(record, results) {
    const n = results.cases.length;
    const failed = results.cases.reduce((sum, c) => sum + c.failures.length, 0);
    const line = `[${record.phase}] ${n} cases, ${failed} failures, ${(n / Math.max(results.seconds(), 0.001)).toFixed(0)} cases/s — ${record.variant}:${record.operation}`;
    if (stream.isTTY) {
      const now = performance.now();
      if (now - last < 80) return;
      last = now;
      stream.write(`\r\u001b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`);
    } else if (n % 100 === 0) {
      stream.write(`${line}\n`);
    }
  };
}
