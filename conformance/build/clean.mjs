// Removes the previous build so a deleted source file never survives in dist/.
import { rmSync } from 'node:fs';

for (const dir of ['dist', 'specs'])
  rmSync(new URL(`../${dir}`, import.meta.url), { recursive: true, force: true });
