import type { Document } from 'bson';
import { setTimeout as sleep } from 'node:timers/promises';
import { CommandError } from '../errors.ts';
import type { Engine } from '../storage/engine.ts';
import type { CommandContext, CommandHandler } from './context.ts';

/**
 * The `failCommand` fail point of mongod's test commands
 * (https://github.com/mongodb/mongo/wiki/The-%22failCommand%22-fail-point): drivers' and tools'
 * test suites use it to make the next commands fail, close the connection, block, or report a
 * write concern error. Off unless the server was started with `enableTestCommands` (like
 * `mongod --setParameter enableTestCommands=1`); otherwise `configureFailPoint` does not exist.
 */

interface FailCommand {
  /** Remaining activations; Infinity for `alwaysOn`. */
  remaining: number;
  skip: number;
  commands: Set<string>;
  data: Document;
}

interface TestState {
  failCommand?: FailCommand;
  /** Application names announced in each connection's handshake (`appName` filters on them). */
  appNames: Map<number, string>;
}

const states = new WeakMap<Engine, TestState>();

/** Enables the test commands for the server that owns `engine`. */
export function enableTestCommands(engine: Engine): void {
  if (!states.has(engine)) states.set(engine, { appNames: new Map() });
}

function activation(mode: unknown): { remaining: number; skip: number } | undefined {
  if (mode === 'off') return undefined;
  if (mode === 'alwaysOn') return { remaining: Number.POSITIVE_INFINITY, skip: 0 };
  const spec = mode as Document | null;
  if (spec && typeof spec === 'object' && typeof spec.times === 'number')
    return { remaining: spec.times, skip: 0 };
  if (spec && typeof spec === 'object' && typeof spec.skip === 'number') {
    return { remaining: Number.POSITIVE_INFINITY, skip: spec.skip };
  }
  throw new CommandError(2, `The embedded server does not implement fail point mode ${JSON.stringify(mode)}`);
}

const IMPLEMENTED_DATA = new Set([
  'failCommands',
  'errorCode',
  'closeConnection',
  'writeConcernError',
  'errorLabels',
  'appName',
  'blockConnection',
  'blockTimeMS',
  'failInternalCommands',
]);

export const failPointCommands: Record<string, CommandHandler> = {
  configureFailPoint: function configureFailPoint(command, { engine }) {
    const state = states.get(engine);
    if (!state) throw new CommandError(59, "no such command: 'configureFailPoint'");
    if (command.configureFailPoint !== 'failCommand') {
      throw new CommandError(
        238,
        `The embedded server does not implement fail point '${String(command.configureFailPoint)}'`,
      );
    }
    const data = (command.data as Document | undefined) ?? {};
    for (const field of Object.keys(data)) {
      if (!IMPLEMENTED_DATA.has(field))
        throw new CommandError(238, `The embedded server does not implement failCommand '${field}'`);
    }
    const active = activation(command.mode);
    state.failCommand = active && {
      ...active,
      commands: new Set(Array.isArray(data.failCommands) ? (data.failCommands as string[]) : []),
      data,
    };
    return {};
  },
};

/** Raised to make the connection close without a reply (`closeConnection: true`). */
export class FailPointClose extends Error {}

/** What the fail point does to a command: answer instead of it, or add fields to its reply. */
export interface Injection {
  reply?: Document;
  extra?: Document;
}

/** Applies the fail point to command `name`; throws FailPointClose to drop the connection. */
export async function injectFailure(
  name: string,
  command: Document,
  context: CommandContext,
): Promise<Injection> {
  const state = states.get(context.engine);
  if (!state) return {};
  const application = (command.client as Document | undefined)?.application as Document | undefined;
  if (typeof application?.name === 'string') state.appNames.set(context.connectionId, application.name);
  const fail = state.failCommand;
  if (!fail?.commands.has(name)) return {};
  if (
    typeof fail.data.appName === 'string' &&
    state.appNames.get(context.connectionId) !== fail.data.appName
  ) {
    return {};
  }
  if (fail.skip > 0) {
    fail.skip--;
    return {};
  }
  if (--fail.remaining <= 0) state.failCommand = undefined;
  if (fail.data.blockConnection === true) {
    await sleep(Number(fail.data.blockTimeMS ?? 0), undefined, { signal: context.closing }).catch(
      () => undefined,
    );
  }
  if (fail.data.closeConnection === true)
    throw new FailPointClose(`failCommand closed the connection on ${name}`);
  const labels = Array.isArray(fail.data.errorLabels)
    ? { errorLabels: fail.data.errorLabels as string[] }
    : {};
  if (typeof fail.data.errorCode === 'number') {
    return {
      reply: new CommandError(
        fail.data.errorCode,
        "Failing command via 'failCommand' failpoint",
        labels,
      ).toReply(),
    };
  }
  if (fail.data.writeConcernError)
    return { extra: { writeConcernError: fail.data.writeConcernError, ...labels } };
  return {};
}
