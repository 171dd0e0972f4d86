import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { createAuthenticator, resolveSigningKey } from '../../src/http/auth/index.ts';
import { TEST_SECRET } from './gateway-fixture.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** `imgate` as installed: bin/imgate.mjs on the JavaScript that `npm run build` emits into dist/. */
describe('the compiled imgate command', () => {
  beforeAll(async () => {
    await run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT });
    await run(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT });
  }, 120_000);

  it('mints a token from dist/ without tsx', async () => {
    const { stdout } = await run(process.execPath, ['bin/imgate.mjs', 'token', 'dave', '--admin'], {
      cwd: ROOT,
      env: { ...process.env, JWT_SECRET: TEST_SECRET, NODE_OPTIONS: '' },
    });
    const actor = await createAuthenticator(await resolveSigningKey(loadConfig({ JWT_SECRET: TEST_SECRET })))(
      stdout.trim(),
    );
    expect(actor).toEqual({ userId: 'dave', isAdmin: true });
  });

  it('serves /healthz from dist/', async () => {
    const child = spawn(process.execPath, ['bin/imgate.mjs', 'serve'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', DATA_DIR: 'memory', JWT_SECRET: TEST_SECRET, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((done, fail) => {
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /imgate listening on (http:\/\/[^\s"]+)/.exec(output);
          if (match?.[1]) done(match[1]);
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.once('exit', (code) => fail(new Error(`exited with ${code}: ${output}`)));
      });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  });
});
