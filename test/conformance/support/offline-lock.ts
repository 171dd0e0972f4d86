import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

interface LockEntry {
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}
interface Lock {
  readonly packages: Readonly<Record<string, LockEntry>>;
}

/** Where Node would find `name` from a package installed at `from` (`node_modules/a/node_modules/b`). */
function locate(packages: Lock['packages'], from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

/**
 * A lock file for an empty app that installs the packed suite: every package of its runtime
 * closure is copied from the repository's lock (resolved URL + integrity), so `npm install
 * --offline` takes each tarball from the local cache by integrity and asks no registry for
 * metadata, which the cache need not hold.
 */
export function offlineLock(rootLockFile: string, tarball: string, spec: string): unknown {
  const root = JSON.parse(readFileSync(rootLockFile, 'utf8')) as Lock;
  const manifest = root.packages.conformance ?? {};
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const packages: Record<string, LockEntry> = {
    '': { name: 'app', dependencies: { 'imgate-conformance': spec } },
    'node_modules/imgate-conformance': { ...manifest, resolved: spec, integrity },
  };
  const queue: [string, LockEntry][] = [['node_modules/imgate-conformance', manifest]];
  while (queue.length > 0) {
    const [at, entry] = queue.shift() as [string, LockEntry];
    const from = at === 'node_modules/imgate-conformance' ? '' : at;
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const found = locate(root.packages, from, name);
      if (!found || packages[found]) continue;
      const { dev: _dev, devOptional: _devOptional, ...rest } = root.packages[found] as LockEntry;
      packages[found] = rest;
      queue.push([found, rest]);
    }
  }
  return { name: 'app', lockfileVersion: 3, requires: true, packages };
}
