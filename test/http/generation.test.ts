import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('src/generated', () => {
  it('is what `npm run generate` produces from openapi/ and asyncapi/', async () => {
    const run = promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/generate.ts', '--check'], {
      cwd: ROOT,
    });
    await expect(run).resolves.toBeDefined();
  }, 120_000);
});
