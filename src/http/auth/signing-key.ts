import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config/index.ts';

/** How tokens are verified (and, for a shared secret, minted). */
export type SigningKey =
  | { readonly kind: 'secret'; readonly secret: Uint8Array; readonly generated: boolean }
  | { readonly kind: 'jwks'; readonly url: URL };

const SECRET_FILE = 'jwt-secret';

async function dataDirSecret(dataDir: string): Promise<Uint8Array> {
  const path = join(dataDir, SECRET_FILE);
  try {
    return new TextEncoder().encode((await readFile(path, 'utf8')).trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error; // another process won the race: use its secret
    },
  );
  await chmod(path, 0o600);
  return new TextEncoder().encode((await readFile(path, 'utf8')).trim());
}

/**
 * DESIGN.md "Auth": `JWT_SECRET` (HS256) or `JWKS_URL` (RS256/ES256). With neither, outside
 * production, a secret is generated once into `<DATA_DIR>/jwt-secret` (mode 0600) so tokens
 * survive restarts, or kept in memory when `DATA_DIR=memory`. `loadConfig` already refused
 * production without a key.
 */
export async function resolveSigningKey(config: Config): Promise<SigningKey> {
  if (config.jwksUrl) return { kind: 'jwks', url: new URL(config.jwksUrl) };
  if (config.jwtSecret)
    return { kind: 'secret', secret: new TextEncoder().encode(config.jwtSecret), generated: false };
  if (config.mode === 'production') throw new Error('production mode needs JWT_SECRET or JWKS_URL');
  const secret = config.dataDir ? await dataDirSecret(config.dataDir) : new Uint8Array(randomBytes(48));
  return { kind: 'secret', secret, generated: true };
}
