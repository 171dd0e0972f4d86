import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROUTE_CASES } from '../http/cases.ts';
import { closedLoop } from '../http/load.ts';
import type { Fixture } from '../http/store-ops.ts';
import { summarize } from './summarize.ts';

/**
 * The profile recipe (`npx tsx bench/profile/run.ts [ROUTE] [SECONDS]`): the bench gateway in a
 * child under `node --cpu-prof`, a closed loop on one route (a substring of a `bench/http` route
 * name, default `message/send`), then the child's self time by package and by function. The raw
 * `.cpuprofile` is kept (printed path) for Chrome DevTools or speedscope.
 */
const [routeName = 'message/send', seconds = '10'] = process.argv.slice(2);
const route = ROUTE_CASES.find((r) => r.name.includes(routeName));
if (!route) throw new Error(`no route matches ${routeName}: ${ROUTE_CASES.map((r) => r.name).join(', ')}`);
const dir = mkdtempSync(join(tmpdir(), 'imgate-profile-'));
const child = fork(resolve(import.meta.dirname, 'gateway-child.ts'), ['1000'], {
  execArgv: ['--import', 'tsx', '--cpu-prof', `--cpu-prof-dir=${dir}`, '--max-semi-space-size=64'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const [ready] = (await once(child, 'message')) as [{ port: number; token: string; fixture: Fixture }];
const target = route.target(ready.port, ready.token, ready.fixture);
const result = await closedLoop(target, 32, Number(seconds), 2);
console.log(
  `${route.name}: ${Math.round(result.perSecond)} req/s over ${seconds} s (${result.errors} errors)\n`,
);
child.send('stop');
await once(child, 'exit');
const [profile] = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
if (!profile) throw new Error(`no profile in ${dir}`);
console.log(summarize(join(dir, profile)));
console.log(`\nprofile: ${join(dir, profile)}`);
