import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthenticator } from '../../src/http/auth/index.ts';

const secret = new TextEncoder().encode('k'.repeat(40));

describe('HS256 verification costs', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('imports the key once per authenticator, not once per request', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const authenticate = createAuthenticator({ kind: 'secret', secret, generated: false });
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('alice')
      .setExpirationTime('5m')
      .sign(secret);
    const signing = importKey.mock.calls.length;
    for (let i = 0; i < 20; i += 1)
      expect(await authenticate(token)).toEqual({ userId: 'alice', isAdmin: false });
    expect(importKey.mock.calls.length - signing).toBeLessThanOrEqual(1);
    await expect(authenticate(`${token}x`)).rejects.toMatchObject({ status: 401 });
  });

  it('verifies a token once, and again only after it expired', async () => {
    const verify = vi.spyOn(crypto.subtle, 'verify');
    const authenticate = createAuthenticator({ kind: 'secret', secret, generated: false });
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('root')
      .setExpirationTime(exp)
      .sign(secret);
    for (let i = 0; i < 10; i += 1)
      expect(await authenticate(token)).toEqual({ userId: 'root', isAdmin: true });
    expect(verify).toHaveBeenCalledTimes(1);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(exp * 1000 + 1_000);
    await expect(authenticate(token)).rejects.toMatchObject({ status: 401 });
  });
});
