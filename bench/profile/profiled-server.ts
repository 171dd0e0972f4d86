import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { startBenchGateway } from '../http/gateway-fixture.ts';
import { startMinimalServer } from '../http/minimal-server.ts';
import { startBenchStore } from '../http/store-server.ts';

/**
 * Child of `bench/profile/run.ts`: the bench gateway or the minimal ceiling server
 * (`profiled-server.ts gateway|minimal SEED`), profiled through the inspector only between the
 * parent's `start` and `stop`, so start-up and seeding stay out of the profile.
 */
const [mode = 'gateway', seed = '1000'] = process.argv.slice(2);

async function start(): Promise<{
  port: number;
  token: string;
  fixture: unknown;
  close: () => Promise<void>;
}> {
  if (mode === 'minimal') {
    const { store, fixture } = await startBenchStore(Number(seed));
    return { port: await startMinimalServer(store, fixture), token: '', fixture, close: async () => {} };
  }
  const { gateway, token, fixture } = await startBenchGateway(Number(seed));
  return { port: gateway.port, token, fixture, close: () => gateway.close() };
}

const server = await start();
const session = new Session();
session.connect();
process.send?.({ type: 'ready', port: server.port, token: server.token, fixture: server.fixture });
process.on('message', (message: { type: 'start' } | { type: 'stop'; file: string }) => {
  void (async () => {
    if (message.type === 'start') {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
      process.send?.({ type: 'started' });
      return;
    }
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(message.file, JSON.stringify(profile));
    await server.close();
    process.send?.({ type: 'stopped' });
    process.exit(0);
  })();
});
