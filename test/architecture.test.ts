import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Enforces the dependency directions of ARCHITECTURE.md: specs -> generated -> dialects -> domain -> store,
 * with the embedded server and the conformance suite standing alone.
 */
const ROOT = resolve(import.meta.dirname, '..');

/** For each layer, the layers its files may import (besides their own). */
const ALLOWED: Record<string, readonly string[]> = {
  'src/embedded-mongo': [],
  'src/domain': [],
  'src/store': ['src/domain'],
  'src/generated': [],
  'src/dialects': ['src/domain', 'src/generated', 'src/http/operation-table'],
  'src/push': ['src/domain'],
  'src/sandbox': ['src/domain'],
  'src/config': [],
  conformance: [],
};

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts)$/.test(name) ? [path] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
  return specifiers.map((spec) => relative(ROOT, resolve(dirname(file), spec)));
}

function layerOf(path: string): string | undefined {
  return Object.keys(ALLOWED).find((layer) => path === layer || path.startsWith(`${layer}/`));
}

describe('import directions', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer} imports only ${allowed.length ? allowed.join(', ') : 'itself'}`, () => {
      const violations = sourceFiles(join(ROOT, layer)).flatMap((file) =>
        relativeImports(file)
          .filter((target) => {
            if (target.startsWith(`${layer}/`) || target === layer) return false;
            if (
              allowed.some(
                (ok) => target === ok || target.startsWith(`${ok}/`) || target.startsWith(`${ok}.`),
              )
            )
              return false;
            // Files outside every layer (tests, scripts) are not part of the product graph.
            return layerOf(target) !== undefined || target.startsWith('src/');
          })
          .map((target) => `${relative(ROOT, file)} -> ${target}`),
      );
      expect(violations).toEqual([]);
    });
  }

  it('sees the imports it judges (a scanner that found none would pass vacuously)', () => {
    expect(relativeImports(join(ROOT, 'src/http/dialects.ts'))).toContain('src/dialects/messages/index.ts');
    expect(layerOf('src/domain/send.ts')).toBe('src/domain');
  });

  it('nothing in src imports a dialect except the HTTP assembly', () => {
    const offenders = sourceFiles(join(ROOT, 'src'))
      .filter(
        (file) =>
          !relative(ROOT, file).startsWith('src/http/') && !relative(ROOT, file).startsWith('src/dialects/'),
      )
      .flatMap((file) =>
        relativeImports(file)
          .filter((target) => target.startsWith('src/dialects'))
          .map((target) => `${relative(ROOT, file)} -> ${target}`),
      );
    expect(offenders).toEqual([]);
  });
});
