import type { Socket } from 'node:net';
import type { CommandContext } from './commands/context.ts';
import { runCommand } from './commands/router.ts';
import { MessageReader, OP_MSG, OP_QUERY, ProtocolError, type WireMessage } from './wire/frame.ts';
import { decodeOpMsg, encodeOpMsg, MORE_TO_COME } from './wire/op-msg.ts';
import { decodeOpQuery, encodeOpReply } from './wire/op-query.ts';

/** Context shared by all connections; each connection adds its id and the request's `$db`. */
export type SharedContext = Omit<CommandContext, 'db' | 'connectionId'>;

async function answer(
  message: WireMessage,
  shared: SharedContext,
  connectionId: number,
): Promise<Buffer | undefined> {
  if (message.opCode === OP_MSG) {
    const { command, flags } = decodeOpMsg(message.body);
    const db = typeof command.$db === 'string' ? command.$db : 'admin';
    const reply = await runCommand(command, { ...shared, db, connectionId });
    return flags & MORE_TO_COME ? undefined : encodeOpMsg(message.requestId, reply);
  }
  if (message.opCode === OP_QUERY) {
    const { db, command } = decodeOpQuery(message.body);
    const reply = await runCommand(command, { ...shared, db, connectionId });
    return encodeOpReply(message.requestId, reply);
  }
  throw new ProtocolError(`unsupported opCode ${message.opCode}`);
}

/**
 * Serves one client socket: frames messages, answers them strictly in arrival order (a parked
 * getMore delays only its own connection), and drops the connection on bytes that are not a
 * MongoDB message instead of guessing.
 */
export function serveConnection(
  socket: Socket,
  shared: SharedContext,
  connectionId: number,
  onError: (error: unknown) => void,
): void {
  const reader = new MessageReader();
  let queue: Promise<void> = Promise.resolve();
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  socket.on('data', function onData(chunk: Buffer) {
    let messages: WireMessage[];
    try {
      messages = reader.push(chunk);
    } catch (error) {
      onError(error);
      socket.destroy();
      return;
    }
    for (const message of messages) {
      queue = queue.then(async function reply() {
        if (socket.destroyed) return;
        try {
          const out = await answer(message, shared, connectionId);
          if (out && !socket.destroyed) socket.write(out);
        } catch (error) {
          onError(error);
          socket.destroy();
        }
      });
    }
  });
}
