import { SignJWT } from 'jose';

/** What `imgate token` and `POST /admin/tokens` ask for. */
export interface TokenRequest {
  readonly sub: string;
  readonly admin: boolean;
  readonly ttlSeconds: number;
}

export interface MintedToken {
  readonly token: string;
  /** ms since the epoch (`exp` * 1000). */
  readonly expiresAt: number;
}

/** Signs tokens with the shared secret; absent in JWKS mode (the identity provider mints). */
export type MintToken = (request: TokenRequest) => Promise<MintedToken>;

/** A minter for an HS256 secret: `sub`, `role: "admin"` when asked, `iat`, `exp`. */
export function createTokenMinter(secret: Uint8Array, now: () => number = Date.now): MintToken {
  return async function mintToken(request: TokenRequest): Promise<MintedToken> {
    const issuedAt = Math.floor(now() / 1000);
    const exp = issuedAt + request.ttlSeconds;
    const token = await new SignJWT(request.admin ? { role: 'admin' } : {})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(request.sub)
      .setIssuedAt(issuedAt)
      .setExpirationTime(exp)
      .sign(secret);
    return { token, expiresAt: exp * 1000 };
  };
}
