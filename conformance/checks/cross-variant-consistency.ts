import type { CheckInput } from '../engine/check-types.ts';
import { type Failure, InconsistentViews } from '../engine/failures.ts';

/** Every view of one message must agree: `right = left * scale`, within `tolerance`. */
export function cross_variant_consistency(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'consistency') return [];
  const failures: Failure[] = [];
  for (const rule of input.rules) {
    const left = input.facts[rule.left];
    const right = input.facts[rule.right];
    if (left === undefined || right === undefined) continue;
    const agree =
      typeof left === 'number' && typeof right === 'number'
        ? Math.abs(left * (rule.scale ?? 1) - right) <= (rule.tolerance ?? 0)
        : JSON.stringify(left) === JSON.stringify(right);
    if (agree) continue;
    const scaled = rule.scale && rule.scale !== 1 ? ` × ${rule.scale}` : '';
    failures.push(
      new InconsistentViews({
        check: 'cross_variant_consistency',
        operation: 'consistency',
        pointer: '#',
        message: `${input.subject}: ${rule.left}${scaled} = ${JSON.stringify(left)}${scaled} but ${rule.right} = ${JSON.stringify(right)}`,
        detail: { facts: input.facts, rule },
      }),
    );
  }
  return failures;
}
