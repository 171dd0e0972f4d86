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
  // The HMAC key is imported once: jose imports raw key bytes again on every verification.
  const secretKey = key.kind === 'secret' ? importHmacKey(key.secret) : undefined;
  const remoteKeys = key.kind === 'jwks' ? createRemoteJWKSet(key.url) : undefined;
  const algorithms = key.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256'];
  return async function authenticate(token: string): Promise<Actor> {
    if (!token) throw new DomainError('unauthenticated', 'missing bearer token');
    try {
      const { payload } = remoteKeys
        ? await jwtVerify(token, remoteKeys, { algorithms })
        : await jwtVerify(token, await (secretKey as Promise<webcrypto.CryptoKey>), { algorithms });
      return actorOf(payload);
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
