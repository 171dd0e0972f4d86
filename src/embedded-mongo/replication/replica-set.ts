import { type Document, ObjectId } from 'bson';
import { ChangeLog } from './change-log.ts';

/** Never changes: there is one member and it never steps down. */
const ELECTION_ID = new ObjectId('7fffffff0000000000000001');

/**
 * Single-node replica-set mode: the one member is always the writable primary, and its change log
 * serves `$changeStream`. There is no replication, election or rollback: it exists so that drivers
 * and the gateway see a replica-set topology (change streams) against the embedded server.
 */
export class ReplicaSet {
  readonly changeLog = new ChangeLog();
  /** `host:port` of this member, known once the server listens. */
  me = '';

  constructor(readonly setName: string) {}

  /**
   * Takes the server's standalone URI (`mongodb://host:port/?directConnection=true`), records its
   * host as this member's address (`hello.me`, `hosts`), and returns the URI clients should use:
   * the set named, so the driver monitors a replica set, and `retryWrites=false` (retried writes
   * are not deduplicated here).
   */
  servedAt(standaloneUri: string): string {
    const host = /^mongodb:\/\/([^/]+)\//.exec(standaloneUri)?.[1];
    if (!host) throw new Error(`not a mongodb:// URI with a host: ${standaloneUri}`);
    this.me = host;
    return `mongodb://${host}/?replicaSet=${encodeURIComponent(this.setName)}&retryWrites=false`;
  }

  /** The replica-set fields of a `hello` reply from the primary. */
  helloFields(): Document {
    const opTime = { ts: this.changeLog.operationTime, t: 1 };
    return {
      setName: this.setName,
      setVersion: 1,
      hosts: [this.me],
      primary: this.me,
      me: this.me,
      secondary: false,
      electionId: ELECTION_ID,
      lastWrite: { opTime, lastWriteDate: new Date(), majorityOpTime: opTime, majorityWriteDate: new Date() },
    };
  }
}
