import { expect, it } from 'vitest';
import { decodedBase64Strings } from '../../conformance/checks/use-after-free.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

it.each([
  ['a base64 JSON record', { records: [b64({ msg: 'secret-1' })] }, ['secret-1']],
  ['plain words and ids', { id: 'cf-msg-1', msg: 'conformance', n: 3 }, []],
  ['binary-looking base64', { blob: 'AAECAwQFBgc=' }, []],
] as const)('decodes %s', (_name, json, want) => {
  const decoded = decodedBase64Strings(json).join('\n');
  for (const marker of want) expect(decoded).toContain(marker);
  if (want.length === 0) expect(decoded).toBe('');
});
