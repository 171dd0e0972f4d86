import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package name, a file of this repository, or a V8/Node builtin. */
function place(url: string, fn: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency?.[1]) return dependency[1];
  if (url === '') return `(${fn || 'native'})`;
  return url.replace(/^file:\/\/.*?\/(src|bench|dist)\//, '$1/');
}

/**
 * Self time of a `.cpuprofile` by package (or repository file) and by function, the busiest first:
 * what `bench/profile/run.ts` prints.
 */
export function summarize(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    if (!node) return;
    const micros = profile.timeDeltas[index] ?? 0;
    const where = place(node.callFrame.url, node.callFrame.functionName);
    byPlace.set(where, (byPlace.get(where) ?? 0) + micros);
    const fn = `${where} ${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  });
  const busy = [...byPlace].filter(([where]) => where !== '(idle)').reduce((sum, [, t]) => sum + t, 0);
  const table = (entries: Map<string, number>) =>
    [...entries]
      .filter(([where]) => !where.includes('idle'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, t]) => `${((100 * t) / busy).toFixed(1).padStart(5)}%  ${where}`)
      .join('\n');
  return `busy ${(busy / 1000).toFixed(0)} ms\n\nby package or file:\n${table(byPlace)}\n\nby function:\n${table(byFunction)}`;
}
