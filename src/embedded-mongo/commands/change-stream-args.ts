import type { Document } from 'bson';
import { CommandError } from '../errors.ts';
import { streamError } from '../replication/stream-error.ts';

// What a change-stream `aggregate` may carry, checked before anything runs: what mongod knows and
// this server does not implement answers NotImplemented (238) naming it, what mongod does not know
// answers mongod's own error; nothing is silently ignored.

const OPTIONS = new Set([
  'fullDocument',
  'fullDocumentBeforeChange',
  'resumeAfter',
  'startAfter',
  'startAtOperationTime',
  'allChangesForCluster',
  'showExpandedEvents',
]);
const FULL_DOCUMENT = new Set(['default', 'updateLookup']);
/** The stages mongod allows after `$changeStream`: they reshape or filter single events. */
const EVENT_STAGES = new Set([
  '$match',
  '$project',
  '$addFields',
  '$set',
  '$unset',
  '$replaceRoot',
  '$replaceWith',
  '$redact',
]);

/** Command fields a change-stream `aggregate` accepts; generic ones (`$db`, `lsid`, …) included. */
const COMMAND_FIELDS = new Set([
  'aggregate',
  'pipeline',
  'cursor',
  'maxTimeMS',
  'comment',
  'allowDiskUse',
  'readConcern',
  '$db',
  'lsid',
  '$readPreference',
  '$clusterTime',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
]);
/** Fields mongod accepts that this server does not implement for change streams. */
const UNIMPLEMENTED_FIELDS = new Set(['collation', 'let', 'hint', 'explain', 'batchSize']);

/** mongod's other stage names: refused after `$changeStream` with 20; any other name is 40324. */
const OTHER_STAGES = new Set([
  '$bucket',
  '$bucketAuto',
  '$changeStream',
  '$changeStreamSplitLargeEvent',
  '$collStats',
  '$count',
  '$currentOp',
  '$densify',
  '$documents',
  '$facet',
  '$fill',
  '$geoNear',
  '$graphLookup',
  '$group',
  '$indexStats',
  '$limit',
  '$listLocalSessions',
  '$listSessions',
  '$lookup',
  '$merge',
  '$out',
  '$planCacheStats',
  '$sample',
  '$search',
  '$searchMeta',
  '$setWindowFields',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unionWith',
  '$unwind',
  '$vectorSearch',
]);

/** One stage after `$changeStream`: an event stage, or 20 / 40324 as mongod answers. */
export function checkStage(stage: Document): void {
  const name = Object.keys(stage)[0] ?? '';
  if (EVENT_STAGES.has(name)) return;
  if (OTHER_STAGES.has(name)) throw streamError(20, `${name} is not permitted in a $changeStream pipeline`);
  throw streamError(40324, `Unrecognized pipeline stage name: '${name}'`);
}

/** The `aggregate` command's own fields (the driver's generic ones included). */
export function checkCommandFields(command: Document): void {
  for (const field of Object.keys(command)) {
    if (UNIMPLEMENTED_FIELDS.has(field)) {
      throw streamError(
        238,
        `aggregate.${field} is not implemented by the embedded server for $changeStream`,
      );
    }
    if (!COMMAND_FIELDS.has(field))
      throw streamError(40415, `BSON field 'aggregate.${field}' is an unknown field.`);
  }
}

function notImplemented(field: string, value: unknown): CommandError {
  return streamError(
    238,
    `$changeStream.${field}: ${JSON.stringify(value)} is not implemented by the embedded server`,
  );
}

/** The `$changeStream` stage's options: known, implemented, at most one resume point. */
export function checkOptions(options: Document): void {
  for (const [field, value] of Object.entries(options)) {
    if (!OPTIONS.has(field))
      throw streamError(40415, `BSON field '$changeStream.${field}' is an unknown field.`);
    if (field === 'fullDocument' && !FULL_DOCUMENT.has(value as string)) {
      if (typeof value !== 'string')
        throw new CommandError(14, "'$changeStream.fullDocument' must be a string");
      if (value === 'whenAvailable' || value === 'required') throw notImplemented(field, value);
      throw new CommandError(2, `unknown fullDocument mode '${value}'`);
    }
    if (field === 'fullDocumentBeforeChange' && value !== 'off') throw notImplemented(field, value);
    if (field === 'showExpandedEvents' && value !== false) throw notImplemented(field, value);
  }
  const resumeOptions = ['resumeAfter', 'startAfter', 'startAtOperationTime'].filter((f) => f in options);
  if (resumeOptions.length > 1) {
    throw streamError(40674, 'Only one type of resume option is allowed, but multiple were found.');
  }
}
