import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type LockEntry = { optionalDependencies?: Record<string, string>; dependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

/** Node's resolution in lock-file terms: the nearest `node_modules/<name>` walking up from `from`. */
function resolves(from: string, name: string): boolean {
  let base = from;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const up = base.lastIndexOf('/node_modules/');
    base = up < 0 ? '' : base.slice(0, up);
  }
}

// npm ci refuses a lock file that lacks any platform package of a dependency (EUSAGE "Missing: … from
// lock file"), on every machine, so CI on another platform would break where ours passes.
describe('package-lock.json', () => {
  it('records every optional (platform) package of every dependency', () => {
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !resolves(path, name))
        .map((name) => `${path || '(root)'} -> ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('is a v3 lock file, as npm 9+ writes and npm ci reads', () => {
    expect(lock.lockfileVersion).toBe(3);
  });
});
