import { Binary, type Document } from 'bson';
import { createHash } from 'node:crypto';
import type { Engine } from '../storage/engine.ts';

/**
 * The logical sessions this server has seen (every command's `lsid`), for the
 * `$listLocalSessions` stage. There is no authentication, so every session belongs to the
 * unauthenticated user, whose `uid` is SHA-256 of the empty user name as mongod computes it.
 * Sessions leave on `endSessions` or after the advertised 30-minute timeout.
 */
const TIMEOUT_MS = 30 * 60 * 1000;
const UNAUTHENTICATED_UID = new Binary(createHash('sha256').update('').digest(), 0);

class SessionRegistry {
  private readonly lastUse = new Map<string, { id: unknown; at: Date }>();

  touch(lsid: unknown): void {
    const id = (lsid as Document | undefined)?.id;
    if (id instanceof Binary) this.lastUse.set(id.toString('hex'), { id, at: new Date() });
  }

  end(lsids: unknown): void {
    if (!Array.isArray(lsids)) return;
    for (const lsid of lsids) {
      const id = (lsid as Document | undefined)?.id;
      if (id instanceof Binary) this.lastUse.delete(id.toString('hex'));
    }
  }

  /** One document per live session, shaped as mongod's `$listLocalSessions` output. */
  list(): Document[] {
    const cutoff = Date.now() - TIMEOUT_MS;
    const out: Document[] = [];
    for (const [key, session] of this.lastUse) {
      if (session.at.getTime() < cutoff) this.lastUse.delete(key);
      else out.push({ _id: { id: session.id, uid: UNAUTHENTICATED_UID }, lastUse: session.at });
    }
    return out;
  }
}

/** Sessions are per server, and a server has exactly one engine. */
const registries = new WeakMap<Engine, SessionRegistry>();

export function sessionsOf(engine: Engine): SessionRegistry {
  let registry = registries.get(engine);
  if (!registry) {
    registry = new SessionRegistry();
    registries.set(engine, registry);
  }
  return registry;
}

/** Records the session a command runs in (and forgets the ones `endSessions` closes). */
export function trackSession(name: string, command: Document, engine: Engine): void {
  if (command.lsid) sessionsOf(engine).touch(command.lsid);
  if (name === 'endSessions') sessionsOf(engine).end(command.endSessions);
}
