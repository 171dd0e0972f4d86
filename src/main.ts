#!/usr/bin/env node
import { runServeCommand } from './cli/serve-command.ts';
import { runTokenCommand } from './cli/token.ts';
import { ConfigError, loadConfig } from './config/index.ts';
import { runEmbeddedMongoCli } from './embedded-mongo/cli.ts';

const USAGE = `usage: imgate [serve]                              start the gateway (embedded store unless MONGODB_URI)
       imgate token <user> [--admin] [--ttl SECONDS]  mint a bearer token
       imgate mongo [--port 27017] [--data DIR]       run the embedded MongoDB-compatible server
       imgate mongo --repair --data DIR               recover every intact record of damaged data files`;

/** The `imgate` command: thin dispatch to `src/cli/` and the embedded server's own CLI. */
async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  if (command === 'mongo') return runEmbeddedMongoCli(rest);
  if (command === 'token') {
    console.log(await runTokenCommand(rest, loadConfig()));
    return;
  }
  if (command === 'serve') {
    await runServeCommand(loadConfig());
    return;
  }
  console.error(USAGE);
  process.exitCode = command === 'help' || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
