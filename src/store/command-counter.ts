import type { CommandStartedEvent } from 'mongodb';

/** One command as the driver put it on the wire. */
export interface WireCommand {
  readonly name: string;
  /** The collection it addresses ('' for database commands such as `ping`). */
  readonly collection: string;
}

/** The collection a command addresses (a `getMore` names it apart from its cursor id). */
function addressed(name: string, command: Record<string, unknown>): string {
  if (name === 'getMore') return typeof command.collection === 'string' ? command.collection : '';
  const target = command[name];
  return typeof target === 'string' ? target : '';
}

/**
 * Counts the commands the driver sends to the store (its command monitoring, so each counted
 * command is one round trip at the wire). The hot path is budgeted in these (DESIGN "Store": a
 * send in at most 3, a read in at most 2); tests and `bench/commands` read them per operation.
 * The tail of the event log (`find`/`getMore` on `events` with a tailable cursor) runs in the
 * background and is kept apart, so it does not blur the count of a request.
 */
export class CommandCounter {
  #commands: WireCommand[] = [];
  #tail = 0;

  /** The `commandStarted` listener; `openStore({ onCommand })` attaches it. */
  readonly onCommand = (event: CommandStartedEvent): void => {
    const command = event.command as Record<string, unknown>;
    const collection = addressed(event.commandName, command);
    if (collection === 'events' && (event.commandName === 'getMore' || command.tailable === true)) {
      this.#tail += 1;
      return;
    }
    this.#commands.push({ name: event.commandName, collection });
  };

  /** Commands since the last `take()` (tail reads excluded), and starts counting afresh. */
  take(): WireCommand[] {
    const taken = this.#commands;
    this.#commands = [];
    return taken;
  }

  /** Tail commands (`find` + `getMore` on the event log) since the last `takeTail()`. */
  takeTail(): number {
    const taken = this.#tail;
    this.#tail = 0;
    return taken;
  }
}

/** `insert:messages find:chats …` — a compact trace for reports and failure messages. */
export function describeCommands(commands: readonly WireCommand[]): string {
  return commands.map((c) => (c.collection ? `${c.name}:${c.collection}` : c.name)).join(' ');
}
