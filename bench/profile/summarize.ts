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

/** Self time (µs) of one profile by place (package, repository file or builtin) and by function. */
export interface SelfTime {
  readonly busyMicros: number;
  readonly byPlace: ReadonlyMap<string, number>;
  readonly byFunction: ReadonlyMap<string, number>;
}

/** Where a frame's code lives: a package name, a file of this repository, or a V8/Node builtin. */
function place(url: string, fn: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency?.[1]) return dependency[1];
  if (url === '') return `(${fn || 'native'})`;
  return url.replace(/^file:\/\/.*?\/(src|bench|dist)\//, '$1/');
}

function add(map: Map<string, number>, key: string, micros: number): void {
  map.set(key, (map.get(key) ?? 0) + micros);
}

/** Reads a `.cpuprofile` into self time by place and by function, idle left out. */
export function selfTime(file: string): SelfTime {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    if (!node) return;
    const micros = profile.timeDeltas[index] ?? 0;
    const where = place(node.callFrame.url, node.callFrame.functionName);
    if (node.callFrame.functionName === '(idle)') return;
    add(byPlace, where, micros);
    add(
      byFunction,
      `${where} ${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`,
      micros,
    );
  });
  const busyMicros = [...byPlace.values()].reduce((sum, t) => sum + t, 0);
  return { busyMicros, byPlace, byFunction };
}

/**
 * The subject's self time per request beside the baseline's, by place and by function, the
 * largest excess first: where the subject spends what the baseline does not.
 */
export function compare(
  subject: SelfTime,
  subjectRequests: number,
  baseline: SelfTime,
  baselineRequests: number,
  top = 30,
): string {
  const table = (pick: (t: SelfTime) => ReadonlyMap<string, number>) => {
    const keys = new Set([...pick(subject).keys(), ...pick(baseline).keys()]);
    return [...keys]
      .map((key) => {
        const s = (pick(subject).get(key) ?? 0) / subjectRequests;
        const b = (pick(baseline).get(key) ?? 0) / baselineRequests;
        return { key, s, b };
      })
      .sort((x, y) => y.s - y.b - (x.s - x.b))
      .slice(0, top)
      .map(({ key, s, b }) => `| ${s.toFixed(1)} | ${b.toFixed(1)} | ${(s - b).toFixed(1)} | ${key} |`)
      .join('\n');
  };
  const perRequest = (t: SelfTime, n: number) => (t.busyMicros / n).toFixed(0);
  return [
    `busy µs per request: subject ${perRequest(subject, subjectRequests)}, baseline ${perRequest(baseline, baselineRequests)}`,
    '',
    '| subject µs/req | baseline µs/req | excess | package or file |',
    '|---:|---:|---:|---|',
    table((t) => t.byPlace),
    '',
    '| subject µs/req | baseline µs/req | excess | function |',
    '|---:|---:|---:|---|',
    table((t) => t.byFunction),
  ].join('\n');
}
