import { describe, expect, it } from 'vitest';
import { generateChatId, generateClientId } from '../../src/domain/create-domain.ts';

describe('generated ids', () => {
  it('are 16 random hex digits behind their prefix, distinct across refills of the random pool', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? generateClientId() : generateChatId()));
    expect(ids.filter((id) => !/^[gs]_[0-9a-f]{16}$/.test(id))).toEqual([]);
    expect(new Set(ids.map((id) => id.slice(2))).size).toBe(ids.length);
  });
});
