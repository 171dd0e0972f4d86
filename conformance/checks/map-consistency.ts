import type { CheckInput } from '../engine/check-types.ts';
import { type Failure, MapInconsistent } from '../engine/failures.ts';
import { asNumber, readValue, param } from '../engine/promise-model.ts';
import { answerPromises, promiseBase } from './promise-failure.ts';

/**
 * A map in an answer agrees with the items beside it: an entry `k -> v` and an item whose
 * `mapValue` is `v` must have `mapKey` = `k`, and the other way round. Promise:
 * openapi/imchat.yaml#/paths/~1im.chat~1pull/post (`pull-recalls-map`: recall_index -> msg_index).
 */
export function map_consistency(input: CheckInput): readonly Failure[] {
  if (input.kind !== 'response') return [];
  return answerPromises(input, 'map_consistency').flatMap((promise) => {
    const json = input.exchange.response.json;
    const map = readValue(json, param(promise, 'map'));
    const items = readValue(json, param(promise, 'items'));
    if (map === null || typeof map !== 'object' || !Array.isArray(items)) return [];
    const pairs = items.map((item) => ({
      key: asNumber(readValue(item, param(promise, 'mapKey'))),
      value: asNumber(readValue(item, param(promise, 'mapValue'))),
    }));
    const problems: string[] = [];
    for (const [rawKey, rawValue] of Object.entries(map)) {
      const [key, value] = [asNumber(rawKey), asNumber(rawValue)];
      const byValue = pairs.find((p) => p.value === value);
      if (byValue && byValue.key !== key)
        problems.push(
          `entry ${rawKey} -> ${String(rawValue)}, but that item has ${param(promise, 'mapKey')} ${byValue.key}`,
        );
      const byKey = pairs.find((p) => p.key === key);
      if (byKey && byKey.value !== value)
        problems.push(
          `entry ${rawKey} -> ${String(rawValue)}, but the item with that key has ${param(promise, 'mapValue')} ${byKey.value}`,
        );
    }
    if (problems.length === 0) return [];
    return [
      new MapInconsistent({
        ...promiseBase(promise, 'map_consistency', input.exchange),
        message: `${promise.id}: ${problems.slice(0, 3).join('; ')}`,
      }),
    ];
  });
}
