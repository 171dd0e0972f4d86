import type { Document } from 'bson';
import { asCommandError, CommandError } from '../errors.ts';
import { EncodedReply } from '../wire/encoded-reply.ts';
import { aggregateCommands } from './aggregate.ts';
import { bulkWriteCommands } from './bulk-write.ts';
import { withChangeStreams } from './change-stream.ts';
import { collectionCommands } from './collections.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { cursorCommands } from './cursor-commands.ts';
import { deleteCommands } from './delete.ts';
import { failPointCommands, injectFailure, testCommandsEnabled } from './fail-points.ts';
import { diagnosticCommands } from './diagnostics.ts';
import { findCommands } from './find.ts';
import { findAndModifyCommands } from './find-and-modify.ts';
import { handshakeCommands } from './handshake.ts';
import { indexCommands } from './indexes.ts';
import { insertCommands } from './insert.ts';
import { checkCommandFields } from './known-fields.ts';
import { trackSession } from './local-sessions.ts';
import { updateCommands } from './update.ts';

const HANDLERS: ReadonlyMap<string, CommandHandler> = new Map(
  Object.entries({
    ...handshakeCommands,
    ...diagnosticCommands,
    ...insertCommands,
    ...updateCommands,
    ...deleteCommands,
    ...bulkWriteCommands,
    ...findCommands,
    ...cursorCommands,
    ...findAndModifyCommands,
    ...aggregateCommands,
    aggregate: withChangeStreams(aggregateCommands.aggregate as CommandHandler),
    ...collectionCommands,
    ...indexCommands,
    ...failPointCommands,
  }),
);
const ALIASES: Record<string, string> = { buildinfo: 'buildInfo', findandmodify: 'findAndModify' };

/**
 * Runs one command and always returns a reply document: unknown commands get CommandNotFound
 * (59), handler failures their MongoDB code. Queued journal records are committed (synchronously)
 * right after the handler's synchronous part, before the reply can be sent.
 */
export async function runCommand(
  command: Document,
  context: CommandContext,
): Promise<Document | EncodedReply> {
  const name = Object.keys(command)[0] ?? '';
  const handler = HANDLERS.get(ALIASES[name] ?? name);
  // Test fail points (off unless enabled) may answer instead, or close the connection (thrown on).
  const injected = testCommandsEnabled(context.engine) ? await injectFailure(name, command, context) : {};
  if (injected.reply) return injected.reply;
  try {
    if (!handler) throw new CommandError(59, `no such command: '${name}'`);
    checkCommandFields(ALIASES[name] ?? name, command);
    trackSession(name, command, context.engine);
    const pending = handler(command, context);
    context.engine.commit();
    const reply = await pending;
    if (reply instanceof EncodedReply) return reply;
    return { ...reply, ...injected.extra, ok: 1 };
  } catch (error) {
    context.engine.commit();
    return asCommandError(error).toReply();
  }
}
