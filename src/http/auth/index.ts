/** Bearer-token authentication shared by HTTP and the push hub's WebSocket upgrade. */
export { type Authenticate, createAuthenticator } from './authenticator.ts';
export { bearerAuth } from './bearer-auth.ts';
export { resolveSigningKey, type SigningKey } from './signing-key.ts';
export { createTokenMinter, type MintedToken, type MintToken, type TokenRequest } from './token-minter.ts';
