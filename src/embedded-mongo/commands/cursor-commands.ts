import { Long } from 'bson';
import { cursorReply } from '../cursors/cursor-reply.ts';
import { CommandError } from '../errors.ts';
import { optionalCount, optionalNumber } from './args.ts';
import type { CommandHandler } from './context.ts';

function cursorId(value: unknown): Long {
  if (value instanceof Long) return value;
  if (typeof value === 'number' && Number.isInteger(value)) return Long.fromNumber(value);
  throw new CommandError(14, "BSON field 'getMore.getMore' is the wrong type, expected type 'long'");
}

/** `getMore` (which may park on a tailable-await cursor) and `killCursors`. */
export const cursorCommands: Record<string, CommandHandler> = {
  getMore: async function getMore(command, { cursors, db }) {
    const id = cursorId(command.getMore);
    if (typeof command.collection !== 'string') {
      throw new CommandError(14, "BSON field 'getMore.collection' is the wrong type, expected type 'string'");
    }
    const ns = `${db}.${command.collection}`;
    const batch = await cursors.more(
      id,
      ns,
      optionalCount(command, 'batchSize'),
      optionalNumber(command, 'maxTimeMS'),
    );
    return cursorReply('nextBatch', batch.batch, batch.id, ns, batch.fields);
  },
  killCursors: function killCursors(command, { cursors }) {
    const ids = Array.isArray(command.cursors) ? command.cursors.map(cursorId) : [];
    const { killed, notFound } = cursors.kill(ids);
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [] };
  },
};
