import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends every run with one plain `vitest: N passed, N failed[, N skipped]` line, the closing line
 * CI tooling reads in any language (vitest's own summary is coloured and multi-line).
 */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules)
      for (const test of testModule.children.allTests()) {
        const { state } = test.result();
        if (state === 'passed' || state === 'failed') counts[state] += 1;
        else counts.skipped += 1;
      }
    const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
    console.log(`\nvitest: ${counts.passed} passed, ${counts.failed} failed${skipped}`);
  }
}
