import type { Document } from 'bson';
import type { CommandContext, CommandHandler } from './context.ts';

/** Wire version 25 = MongoDB 8.0: drivers then send client-level `bulkWrite` and update `sort`. */
export const MAX_WIRE_VERSION = 25;

/**
 * The connection handshake: a writable primary (a standalone, or the primary of a single-node
 * replica set in replica-set mode) with sessions advertised (the driver
 * then attaches `lsid`, which we accept and ignore) and no compression, auth or topologyVersion
 * (so the driver polls `hello` instead of streaming it).
 */
function helloReply(context: CommandContext, legacy: boolean): Document {
  return {
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    helloOk: true,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: context.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ...context.replicaSet?.helloFields(),
  };
}

export const handshakeCommands: Record<string, CommandHandler> = {
  hello: function hello(_command, context) {
    return helloReply(context, false);
  },
  isMaster: function isMaster(_command, context) {
    return helloReply(context, true);
  },
  ismaster: function ismaster(_command, context) {
    return helloReply(context, true);
  },
  ping: function ping() {
    return {};
  },
  endSessions: function endSessions() {
    return {};
  },
  whatsmyuri: function whatsmyuri(_command, context) {
    return { you: `127.0.0.1:${context.connectionId}` };
  },
};
