import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { allOperations, OPENAPI_VARIANTS, type OpenAPIVariant, ROOT, specPath } from './spec-loader.ts';

const run = promisify(execFile);
const DREDD = resolve(ROOT, 'node_modules/.bin/dredd');
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/**
 * Dredd's OpenAPI 3 adapter reads only local `#/components` references, so each document is bundled
 * with Redocly first; `--names` lists the transactions without sending a request.
 */
async function transactionNames(variant: OpenAPIVariant, dir: string): Promise<string[]> {
  const config = await loadConfig({ configPath: resolve(ROOT, 'redocly.yaml') });
  const { bundle: bundled } = await bundle({ ref: specPath(variant), config });
  const file = join(dir, `${variant}.yaml`);
  writeFileSync(file, stringify(bundled.parsed));
  const { stdout, stderr } = await run(DREDD, [file, 'http://127.0.0.1:1', '--names'], { cwd: dir });
  return `${stdout}\n${stderr}`
    .replace(ANSI, '')
    .split('\n')
    .filter((line) => line.startsWith('info: '))
    .map((line) => line.slice('info: '.length).trim());
}

describe('Dredd finds a transaction for every documented response', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'imgate-dredd-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const names = new Map(
    await Promise.all(OPENAPI_VARIANTS.map(async (v) => [v, await transactionNames(v, dir)] as const)),
  );
  const cases = allOperations().map((op) => [`${op.variant} ${op.operation.operationId}`, op] as const);

  it.each(cases)('%s', (_name, { variant, path, operation }) => {
    const found = names.get(variant) ?? [];
    const expected = Object.keys(operation.responses).map(
      (status) => `${path} > ${operation.summary} > ${status} > application/json`,
    );
    expect(found).toEqual(expect.arrayContaining(expected));
  });
});
