import { parseArgs } from 'node:util';
import { startEmbeddedMongo } from './server.ts';
import { type RepairReport, repairDataDir } from './storage/repair.ts';

const USAGE = `usage: imgate mongo [--port 27017] [--host 127.0.0.1 | --socket PATH.sock] [--data DIR] [--fsync always|never] [--replset NAME]
       imgate mongo --repair --data DIR   keep copies of damaged data files, recover every intact record`;

/**
 * `imgate mongo`: runs the embedded server on its own (`--replset rs0`: as a single-node replica
 * set, so change streams work) (for a shell, a GUI or several gateway
 * instances on one machine) until SIGINT/SIGTERM, then shuts down cleanly (journal flushed,
 * snapshot compacted). Resolves when the server has stopped.
 */
export async function runEmbeddedMongoCli(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '27017' },
      host: { type: 'string', default: '127.0.0.1' },
      socket: { type: 'string' },
      data: { type: 'string' },
      fsync: { type: 'string', default: 'never' },
      replset: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      repair: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.repair) {
    if (values.data === undefined) throw new Error(`--repair needs --data DIR\n${USAGE}`);
    printRepair(repairDataDir(values.data));
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid --port ${values.port}\n${USAGE}`);
  if (values.fsync !== 'always' && values.fsync !== 'never')
    throw new Error(`invalid --fsync ${values.fsync}\n${USAGE}`);
  if (values.replset !== undefined && !/^[A-Za-z0-9_-]+$/.test(values.replset))
    throw new Error(`invalid --replset ${values.replset}: letters, digits, '-' and '_'\n${USAGE}`);
  const logger = {
    info: (message: string) => console.log(message),
    warn: (message: string) => console.warn(message),
    error: (message: string) => console.error(message),
  };
  const server = await startEmbeddedMongo({
    port,
    host: values.host,
    ...(values.socket === undefined ? {} : { socketPath: values.socket }),
    dataDir: values.data,
    fsync: values.fsync,
    ...(values.replset ? { replicaSet: values.replset } : {}),
    logger,
  });
  console.log(`embedded MongoDB-compatible server ready: ${server.uri}`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
}

/** One line per damaged file: what was kept, what was recovered, which bytes held nothing intact. */
function printRepair(report: RepairReport): void {
  for (const file of report.repaired) {
    const lost = file.dropped.map((span) => `${span.bytes} bytes at ${span.offset}`).join(', ');
    console.log(
      `repaired ${file.file}: ${file.recovered} intact records kept; dropped ${lost}; original kept as ${file.copy}`,
    );
  }
  console.log(`${report.repaired.length} file(s) repaired, ${report.intact.length} intact`);
}
