import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { OPENAPI_VARIANTS, writeBindings } from '../../scripts/bindings.ts';
import { ROOT } from './spec-loader.ts';

const BINDINGS = resolve(ROOT, '.bindings');
const CHECK_DIR = join(BINDINGS, 'check');
const FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** Type-checks one fixture placed in `.bindings/check/` (so that it resolves `openapi-fetch`). */
function typeErrors(fixture: string): string[] {
  const file = join(CHECK_DIR, fixture.replace(/\.tpl$/, ''));
  copyFileSync(join(FIXTURES, fixture), file);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) => `${d.file?.fileName ?? ''}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    );
}

describe('scripts/bindings.ts', async () => {
  const written = await writeBindings(BINDINGS);
  mkdirSync(CHECK_DIR, { recursive: true });

  it('writes one declaration file per OpenAPI document', () => {
    expect(written).toEqual(OPENAPI_VARIANTS.map((v) => join(BINDINGS, `${v}.d.ts`)));
    expect(written.every((file) => existsSync(file))).toBe(true);
  });

  it('type-checks a typed openapi-fetch client (and its expected errors)', () => {
    expect(typeErrors('typed-client.ts.tpl')).toEqual([]);
  });

  it('rejects a client that sends a wrong body type', () => {
    const errors = typeErrors('typed-client-wrong.ts.tpl');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/number.*not assignable to type 'string'/);
  });
});
