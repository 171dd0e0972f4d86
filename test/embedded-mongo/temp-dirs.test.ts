import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from './harness.ts';

let made: string | undefined;

describe('test hygiene', () => {
  it('gives a test a fresh data directory', () => {
    made = tempDataDir('hygiene');
    fs.writeFileSync(`${made}/journal-00000001.log`, 'x');
    expect(fs.existsSync(made)).toBe(true);
  });

  it('removes it, with its files, once that test finished', () => {
    expect(made).toBeDefined();
    expect(fs.existsSync(made as string)).toBe(false);
  });
});
