import { parseArgs } from 'node:util';
import type { Config } from '../config/index.ts';
import { createTokenMinter, resolveSigningKey } from '../http/auth/index.ts';

const USAGE = 'usage: imgate token <user> [--admin] [--ttl SECONDS]';
const DEFAULT_TTL_SECONDS = 86_400;

/**
 * `imgate token <user> [--admin] [--ttl SECONDS]`: prints a token signed with the same secret the
 * server uses (`JWT_SECRET`, or `<DATA_DIR>/jwt-secret`). Returns the token.
 */
export async function runTokenCommand(argv: string[], config: Config): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { admin: { type: 'boolean', default: false }, ttl: { type: 'string' } },
  });
  const [user] = positionals;
  if (!user || positionals.length > 1) throw new Error(USAGE);
  const ttlSeconds = values.ttl === undefined ? DEFAULT_TTL_SECONDS : Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1)
    throw new Error(`--ttl must be a positive integer\n${USAGE}`);
  if (config.jwksUrl) throw new Error('JWKS_URL is set: tokens come from the identity provider');
  if (!config.jwtSecret && !config.dataDir) {
    throw new Error('no shared secret: set JWT_SECRET, or DATA_DIR to the server data directory');
  }
  const key = await resolveSigningKey(config);
  if (key.kind !== 'secret') throw new Error('no shared secret to sign with');
  const { token } = await createTokenMinter(key.secret)({ sub: user, admin: values.admin, ttlSeconds });
  return token;
}
