import { type Document, Timestamp } from 'bson';
import { type ChangeScope, ChangeStreamSource } from '../cursors/change-stream-source.ts';
import { CommandError } from '../errors.ts';
import { streamError } from '../replication/stream-error.ts';
import type { ReplicaSet } from '../replication/replica-set.ts';
import { collectionName, optionalCount, optionalDocument } from './args.ts';
import { checkCommandFields, checkOptions, checkStage } from './change-stream-args.ts';
import type { CommandContext, CommandHandler } from './context.ts';

function scopeOf(command: Document, options: Document, db: string): ChangeScope {
  const cluster = options.allChangesForCluster === true;
  if (command.aggregate !== 1) {
    if (cluster) throw streamError(40415, '$changeStream.allChangesForCluster needs aggregate: 1 on admin');
    if (db === 'admin' || db === 'config' || db === 'local') {
      throw new CommandError(73, `$changeStream may not be opened on the internal ${db} database`);
    }
    return { db, coll: collectionName(command) };
  }
  if (db === 'admin') {
    if (!cluster) throw new CommandError(73, '$changeStream on admin needs allChangesForCluster: true');
    return {};
  }
  if (cluster) throw new CommandError(73, 'allChangesForCluster is only allowed on the admin database');
  return { db };
}

function startSeq(options: Document, replicaSet: ReplicaSet): number {
  const log = replicaSet.changeLog;
  const token = options.resumeAfter ?? options.startAfter;
  if (token !== undefined) return log.seqOf(token);
  const time = options.startAtOperationTime;
  if (time === undefined) return log.latestSeq;
  if (!(time instanceof Timestamp)) throw new CommandError(14, "'startAtOperationTime' must be a timestamp");
  return log.seqBefore(time);
}

/**
 * `aggregate` with a leading `$changeStream` (replica-set mode): a tailable awaitData cursor over
 * the change log, each batch reporting `postBatchResumeToken`, so `collection.watch()`,
 * `db.watch()` and `client.watch()` work and resume after a reconnect. A standalone server answers
 * 40573 as mongod does.
 */
function openChangeStream(command: Document, context: CommandContext): Document {
  const { replicaSet } = context;
  if (!replicaSet) throw streamError(40573, 'The $changeStream stage is only supported on replica sets');
  const [first, ...stages] = command.pipeline as Document[];
  const options = first?.$changeStream as unknown;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new CommandError(14, 'the $changeStream stage specification must be an object');
  }
  checkCommandFields(command);
  const cursorSpec = optionalDocument(command, 'cursor');
  if (!cursorSpec) throw new CommandError(9, "The 'cursor' option is required for a $changeStream aggregate");
  checkOptions(options);
  for (const stage of stages) checkStage(stage);
  const spec = {
    scope: scopeOf(command, options, context.db),
    fullDocument: ((options as Document).fullDocument as string | undefined) ?? 'default',
    pipeline: stages,
    startAfterSeq: startSeq(options, replicaSet),
  };
  const source = new ChangeStreamSource(context.engine, replicaSet.changeLog, spec, context.closing);
  const ns = `${context.db}.${command.aggregate === 1 ? '$cmd.aggregate' : collectionName(command)}`;
  const batch = context.cursors.first(ns, source, optionalCount(cursorSpec, 'batchSize'), true);
  return {
    cursor: { firstBatch: batch.batch, id: batch.id, ns, ...batch.fields },
    operationTime: replicaSet.changeLog.operationTime,
  };
}

function isChangeStream(command: Document): boolean {
  const [first] = Array.isArray(command.pipeline) ? (command.pipeline as unknown[]) : [];
  return first !== null && typeof first === 'object' && '$changeStream' in first;
}

/** Wraps the `aggregate` handler: a pipeline led by `$changeStream` opens a change stream. */
export function withChangeStreams(aggregate: CommandHandler): CommandHandler {
  return function aggregateOrChangeStream(command, context) {
    return isChangeStream(command) ? openChangeStream(command, context) : aggregate(command, context);
  };
}
