import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { TEST_SECRET } from '../http/gateway-fixture.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A gateway running as its own `imgate serve` process, as a second instance behind a load balancer. */
export interface GatewayProcess {
  readonly url: string;
  /** The child's process id (to count its open descriptors in /proc). */
  readonly pid: number;
  close(): Promise<void>;
}

/** Starts `imgate serve` in a child process on an ephemeral port and waits until it listens. */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: 'memory',
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`gateway process did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /imgate listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`gateway process exited with ${code}:\n${output}`)));
  });
  return {
    url,
    pid: child.pid ?? -1,
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
