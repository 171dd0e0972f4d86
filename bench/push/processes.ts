import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';

/** A forked benchmark process and a way to wait for its next reply of a given type. */
export interface Worker<Command, Reply extends { type: string }> {
  child: ChildProcess;
  send(command: Command): void;
  next<T extends Reply['type']>(type: T, timeoutMs?: number): Promise<Extract<Reply, { type: T }>>;
  stop(): Promise<void>;
}

/** Forks `script` (TypeScript, through tsx) with `args`; `gc` exposes `global.gc` for RSS readings. */
export function startWorker<Command, Reply extends { type: string }>(
  script: string,
  args: string[],
  options: { gc?: boolean; nodeFlags?: readonly string[] } = {},
): Worker<Command, Reply> {
  const child = fork(resolve(import.meta.dirname, script), args, {
    execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? []), ...(options.gc ? ['--expose-gc'] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const backlog: Reply[] = [];
  const waiting: Array<{ type: string; resolve: (reply: Reply) => void }> = [];
  child.on('message', (reply: Reply) => {
    const index = waiting.findIndex((w) => w.type === reply.type);
    if (index >= 0) waiting.splice(index, 1)[0]?.resolve(reply);
    else backlog.push(reply);
  });
  return {
    child,
    send(command) {
      child.send(command as object);
    },
    next(type, timeoutMs = 120_000) {
      const index = backlog.findIndex((r) => r.type === type);
      if (index >= 0) return Promise.resolve(backlog.splice(index, 1)[0] as never);
      return new Promise((resolveReply, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${script}: no '${type}' within ${timeoutMs} ms`)),
          timeoutMs,
        );
        child.once('exit', (code) => reject(new Error(`${script} exited (${code}) waiting for '${type}'`)));
        waiting.push({
          type,
          resolve: (reply) => {
            clearTimeout(timer);
            resolveReply(reply as never);
          },
        });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
