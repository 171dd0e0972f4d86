import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTokenCommand } from '../../src/cli/token.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createAuthenticator, resolveSigningKey } from '../../src/http/auth/index.ts';
import { TEST_SECRET } from './gateway-fixture.ts';

const ROOT = join(import.meta.dirname, '../..');
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'imgate-token-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('imgate token', () => {
  it('mints a token the server accepts, with role admin on --admin', async () => {
    const config = loadConfig({ JWT_SECRET: TEST_SECRET });
    const authenticate = createAuthenticator(await resolveSigningKey(config));
    const token = await runTokenCommand(['alice', '--admin', '--ttl', '60'], config);
    expect(await authenticate(token)).toEqual({ userId: 'alice', isAdmin: true });
    const plain = await runTokenCommand(['bob'], config);
    expect(await authenticate(plain)).toEqual({ userId: 'bob', isAdmin: false });
  });

  it('without JWT_SECRET uses <DATA_DIR>/jwt-secret (mode 0600), shared with the server', async () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const token = await runTokenCommand(['carol'], config);
    const file = join(dataDir, 'jwt-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim().length).toBeGreaterThanOrEqual(32);
    const serverKey = await resolveSigningKey(loadConfig({ DATA_DIR: dataDir }));
    expect(await createAuthenticator(serverKey)(token)).toEqual({ userId: 'carol', isAdmin: false });
  });

  it('rejects bad arguments', async () => {
    const config = loadConfig({ JWT_SECRET: TEST_SECRET });
    await expect(runTokenCommand([], config)).rejects.toThrow(/usage/);
    await expect(runTokenCommand(['a', '--ttl', 'soon'], config)).rejects.toThrow(/--ttl/);
  });

  it('runs as the imgate command', async () => {
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['src/main.ts', 'token', 'dave', '--admin'],
      { cwd: ROOT, env: { ...process.env, JWT_SECRET: TEST_SECRET } },
    );
    const config = loadConfig({ JWT_SECRET: TEST_SECRET });
    const actor = await createAuthenticator(await resolveSigningKey(config))(stdout.trim());
    expect(actor).toEqual({ userId: 'dave', isAdmin: true });
  }, 30_000);
});
