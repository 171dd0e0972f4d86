import { resolve } from 'node:path';
import { lint, lintFromString, loadConfig } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { OPENAPI_VARIANTS, ROOT, specPath } from './spec-loader.ts';

const config = await loadConfig({ configPath: resolve(ROOT, 'redocly.yaml') });

function describeProblem(p: { ruleId: string; message: string; location: { pointer?: string }[] }): string {
  return `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`;
}

describe('redocly lint (redocly.yaml)', () => {
  it.each(OPENAPI_VARIANTS)('openapi/%s.yaml has no errors and no warnings', async (variant) => {
    const problems = await lint({ ref: specPath(variant), config });
    expect(problems.map(describeProblem)).toEqual([]);
  });

  it('reports errors for a broken document', async () => {
    const broken = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /x:\n    post: {}\n';
    const problems = await lintFromString({ source: broken, config });
    expect(problems.filter((p) => p.severity === 'error').length).toBeGreaterThan(0);
  });
});
