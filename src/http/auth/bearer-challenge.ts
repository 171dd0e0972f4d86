/**
 * The `WWW-Authenticate` value of a 401 (RFC 6750 section 3): a bare `Bearer` challenge when the
 * request carried no token, `error="invalid_token"` when it carried one that was refused (bad
 * signature, expired, or naming no known user), so clients know to get a new token.
 */
export function bearerChallenge(tokenPresented: boolean): string {
  return tokenPresented ? 'Bearer error="invalid_token"' : 'Bearer';
}

/** True when the request's `Authorization` header carries a bearer token. */
export function hasBearerToken(authorization: string | undefined): boolean {
  return /^Bearer\s+\S/i.test(authorization ?? '');
}
