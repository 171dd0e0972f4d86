import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ceilingTarget, ROUTE_CASES } from '../http/cases.ts';
import { IMGATE_NODE_FLAGS } from '../node-flags.ts';
import { startWorker } from '../push/processes.ts';
import { closedLoop, type Target } from '../http/load.ts';
import type { Fixture } from '../http/store-ops.ts';
import { compare, selfTime } from './summarize.ts';

/**
 * The profile recipe (`npx tsx bench/profile/run.ts [ROUTE] [SECONDS]`): the bench gateway and
 * the route's minimal ceiling server, each in a child profiled through the inspector during a
 * closed loop of SECONDS (after a 2 s warm-up, start-up and seeding left out); then each place's
 * and function's self time per request, gateway beside ceiling, the largest excess first. ROUTE
 * is a substring of a `bench/http` route name (default `message/send`). The raw `.cpuprofile`
 * files are kept (printed paths) for Chrome DevTools or speedscope.
 */
const [routeName = 'message/send', seconds = '10'] = process.argv.slice(2);
const route = ROUTE_CASES.find((r) => r.name.includes(routeName));
if (!route) throw new Error(`no route matches ${routeName}: ${ROUTE_CASES.map((r) => r.name).join(', ')}`);
const dir = mkdtempSync(join(tmpdir(), 'imgate-profile-'));

type Command = { type: 'start' } | { type: 'stop'; file: string };
type Reply =
  | { type: 'ready'; port: number; token: string; fixture: Fixture }
  | { type: 'started' }
  | { type: 'stopped' };
type Ready = Extract<Reply, { type: 'ready' }>;

/** Starts `mode`, warms it, profiles SECONDS of load, writes the profile; requests completed. */
async function profiled(mode: 'gateway' | 'minimal', target: (ready: Ready) => Target) {
  const server = startWorker<Command, Reply>('../profile/profiled-server.ts', [mode, '1000'], {
    nodeFlags: IMGATE_NODE_FLAGS,
  });
  const ready = await server.next('ready', 300_000);
  await closedLoop(target(ready), 32, 2, 0);
  server.send({ type: 'start' });
  await server.next('started');
  const result = await closedLoop(target(ready), 32, Number(seconds), 0);
  const file = join(dir, `${mode}.cpuprofile`);
  server.send({ type: 'stop', file });
  await server.next('stopped');
  console.log(`${mode}: ${Math.round(result.perSecond)} req/s over ${seconds} s (${result.errors} errors)`);
  return { file, requests: result.requests };
}

const gateway = await profiled('gateway', (r) => route.target(r.port, r.token, r.fixture));
const ceiling = await profiled('minimal', (r) => ceilingTarget(route.ceiling, r.port, r.fixture));
console.log(`\n${route.name} (subject) vs minimal ${route.ceiling} (baseline)\n`);
console.log(compare(selfTime(gateway.file), gateway.requests, selfTime(ceiling.file), ceiling.requests));
console.log(`\nprofiles: ${gateway.file} ${ceiling.file}`);
