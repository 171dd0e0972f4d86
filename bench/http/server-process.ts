import { startBenchGateway } from './gateway-fixture.ts';
import { honoHelloApp, plainApp, serveFetch, serveNodeHello, validatedApp } from './hono-apps.ts';
import { startMinimalServer } from './minimal-server.ts';
import type { CpuCommand, ServerMode, ServerReply } from './protocol.ts';
import { startBenchStore } from './store-server.ts';

/** Child process of the HTTP bench: `server-process.ts MODE SEED` (see `ServerMode`). */
const mode = process.argv[2] as ServerMode;
const seed = Number(process.argv[3] ?? 1000);
const NO_FIXTURE = { userId: '', chatId: '', seeded: 0 };

function reply(message: ServerReply): void {
  process.send?.(message);
}

process.on('message', function onCommand(command: CpuCommand) {
  if (command.type !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  reply({ type: 'cpu', micros: user + system });
});

async function main(): Promise<void> {
  if (mode === 'gateway') {
    const { gateway, token, fixture } = await startBenchGateway(seed);
    reply({ type: 'ready', port: gateway.port, token, fixture });
  } else if (mode === 'minimal') {
    const { store, fixture } = await startBenchStore(seed);
    reply({ type: 'ready', port: await startMinimalServer(store, fixture), token: '', fixture });
  } else {
    const servers = {
      validated: () => serveFetch(validatedApp()),
      plain: () => serveFetch(plainApp()),
      'hono-hello': () => serveFetch(honoHelloApp()),
      'node-hello': serveNodeHello,
    } as const;
    const start = servers[mode];
    if (!start) throw new Error(`unknown mode ${mode}`);
    reply({ type: 'ready', port: await start(), token: '', fixture: NO_FIXTURE });
  }
}

await main();
