import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * `npx tsx bench/run.ts http|store|push|commands|startup [...]` (`npm run bench -- http`): runs the
 * chosen benchmark scripts one after another, each in its own process; no argument runs them all.
 */
const BENCHES = ['http', 'store', 'push', 'commands', 'startup'] as const;
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(BENCHES as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.join(', ')}; usage: bench/run.ts [${BENCHES.join('|')}]...`);
  process.exit(2);
}
for (const name of chosen.length > 0 ? chosen : BENCHES) {
  console.log(`\n## bench ${name}\n`);
  const script = resolve(import.meta.dirname, name, 'run.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
