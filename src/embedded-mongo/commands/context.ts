import type { Document } from 'bson';
import type { CursorStore } from '../cursors/cursor-store.ts';
import type { ReplicaSet } from '../replication/replica-set.ts';
import type { Engine } from '../storage/engine.ts';
import type { EncodedReply } from '../wire/encoded-reply.ts';

/** What every command handler may use: shared state plus the request's database. */
export interface CommandContext {
  engine: Engine;
  cursors: CursorStore;
  /** The `$db` of the request. */
  db: string;
  connectionId: number;
  /** Aborted when the server closes, so parked getMores return at once. */
  closing: AbortSignal;
  startedAt: number;
  /** Present in replica-set mode (`hello` reports the set; `$changeStream` is served). */
  replicaSet?: ReplicaSet;
}

/** A command implementation: the command document in, the reply document (without `ok`) out. */
export type CommandHandler = (
  command: Document,
  context: CommandContext,
) => Document | EncodedReply | Promise<Document | EncodedReply>;
