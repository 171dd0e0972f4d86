import net from 'node:net';
import type { Document } from 'bson';
import { handshakeCommands } from '../../src/embedded-mongo/commands/handshake.ts';
import { MessageReader, OP_MSG } from '../../src/embedded-mongo/wire/frame.ts';
import { decodeOpMsg, encodeOpMsg } from '../../src/embedded-mongo/wire/op-msg.ts';
import { decodeOpQuery, encodeOpReply } from '../../src/embedded-mongo/wire/op-query.ts';

/** The same wire decoding as the real server, but every command is answered without doing it. */
async function reply(command: Document, connectionId: number): Promise<Document> {
  const name = Object.keys(command)[0] ?? '';
  const handshake = handshakeCommands[name];
  const context = { connectionId } as Parameters<NonNullable<typeof handshake>>[1];
  if (handshake) return { ...(await handshake(command, context)), ok: 1 };
  if (name === 'insert') return { n: Array.isArray(command.documents) ? command.documents.length : 0, ok: 1 };
  return { ok: 1 };
}

/**
 * A wire server that acknowledges every insert with ok:1 and stores nothing: the ceiling a
 * driver loop can reach on this machine, measured next to the real server in the same run.
 */
export async function startNoopServer(): Promise<{ uri: string; close(): Promise<void> }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer(function accept(socket) {
    const reader = new MessageReader();
    const id = ++connections;
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on('data', function onData(chunk: Buffer) {
      for (const message of reader.push(chunk)) {
        if (message.opCode === OP_MSG) {
          void reply(decodeOpMsg(message.body).command, id).then((doc) =>
            socket.write(encodeOpMsg(message.requestId, doc)),
          );
        } else {
          void reply(decodeOpQuery(message.body).command, id).then((doc) =>
            socket.write(encodeOpReply(message.requestId, doc)),
          );
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
