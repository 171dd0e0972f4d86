import { webcrypto } from 'node:crypto';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { type Actor, DomainError } from '../../domain/index.ts';
import type { SigningKey } from './signing-key.ts';

/** Turns a bearer token into the caller, or throws `DomainError('unauthenticated')`. */
export type Authenticate = (token: string) => Promise<Actor>;

function actorOf(payload: JWTPayload): Actor {
  if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 128) {
    throw new DomainError('unauthenticated', 'token has no valid sub claim');
  }
  return { userId: payload.sub, isAdmin: payload.role === 'admin' };
}

/**
 * Transport-neutral token verification (DESIGN.md "Auth"), shared by the HTTP middleware and the
 * push hub's WebSocket upgrade: HS256 with the shared secret, RS256/ES256 through the JWKS.
 * Expiry is enforced; every failure is the same `unauthenticated` error so nothing leaks.
 */
export function createAuthenticator(key: SigningKey): Authenticate {
  const verified = new VerifiedTokens();
  // The HMAC key is imported once: jose imports raw key bytes again on every verification.
  const secretKey = key.kind === 'secret' ? importHmacKey(key.secret) : undefined;
  const remoteKeys = key.kind === 'jwks' ? createRemoteJWKSet(key.url) : undefined;
  const algorithms = key.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256'];
  return async function authenticate(token: string): Promise<Actor> {
    if (!token) throw new DomainError('unauthenticated', 'missing bearer token');
    const known = verified.get(token);
    if (known) return known;
    try {
      const { payload } = remoteKeys
        ? await jwtVerify(token, remoteKeys, { algorithms })
        : await jwtVerify(token, await (secretKey as Promise<webcrypto.CryptoKey>), { algorithms });
      const actor = actorOf(payload);
      verified.add(token, actor, payload.exp);
      return actor;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError('unauthenticated', 'invalid or expired bearer token');
    }
  };
}

/** The shared secret as a WebCrypto HS256 verification key (imported once per authenticator). */
function importHmacKey(secret: Uint8Array): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
}

/** Tokens verified at most this long ago are not verified again (a token without `exp` included). */
const REVERIFY_MS = 60_000;
/** Bound on remembered tokens; past it the memory starts over. */
const VERIFIED_LIMIT = 10_000;

/**
 * Tokens whose signature was verified, until they expire (or `REVERIFY_MS` passed): a client sends
 * the same bearer token with every request, and checking an HMAC through WebCrypto was the largest
 * single per-request cost after the store (bench/profile). A token is stateless, so what was
 * valid stays valid until its `exp`; the key never changes while the gateway runs.
 */
class VerifiedTokens {
  #tokens = new Map<string, { actor: Actor; until: number }>();

  get(token: string): Actor | undefined {
    const entry = this.#tokens.get(token);
    if (!entry) return undefined;
    if (Date.now() < entry.until) return entry.actor;
    this.#tokens.delete(token);
    return undefined;
  }

  add(token: string, actor: Actor, exp: number | undefined): void {
    if (this.#tokens.size >= VERIFIED_LIMIT) this.#tokens.clear();
    const now = Date.now();
    const until = Math.min(exp === undefined ? Number.POSITIVE_INFINITY : exp * 1000, now + REVERIFY_MS);
    this.#tokens.set(token, { actor, until });
  }
}
