import type { Requirement } from './format.ts';

/**
 * `runOnRequirements` of the unified test format: a test runs when any one requirement holds
 * for the server under test (its version and topology).
 */

export interface ServerFacts {
  version: number[];
  topology: 'single' | 'replicaset' | 'sharded';
}

function parse(version: string): number[] {
  return version.split('.').map((part) => Number.parseInt(part, 10) || 0);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Why a requirement fails (`version`, `topology`, `other`), or undefined when it holds. */
function unmet(requirement: Requirement, facts: ServerFacts): 'version' | 'topology' | 'other' | undefined {
  if (requirement.minServerVersion && compare(facts.version, parse(requirement.minServerVersion)) < 0)
    return 'version';
  if (requirement.maxServerVersion && compare(facts.version, parse(requirement.maxServerVersion)) > 0)
    return 'version';
  const topologies = requirement.topologies;
  if (topologies && !topologies.includes(facts.topology)) return 'topology';
  if (requirement.serverless === 'require' || requirement.auth === true || requirement.csfle === true)
    return 'other';
  return undefined;
}

/** Undefined when the list is satisfied, else the reason of the first requirement that failed. */
export function unmetRequirements(
  list: Requirement[] | undefined,
  facts: ServerFacts,
): 'version' | 'topology' | 'other' | undefined {
  if (!list || list.length === 0) return undefined;
  const reasons = list.map((requirement) => unmet(requirement, facts));
  return reasons.includes(undefined) ? undefined : reasons[0];
}
