import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      mongodbUri: undefined,
      mongodbDb: 'imgate',
      mode: 'development',
      bodyLimit: 1024 * 1024,
      corsOrigins: [],
      validateResponses: false,
      wsHeartbeatMs: 30_000,
      wsQueueLimit: 1024,
      wsBacklogBytes: 256 * 1024,
      wsMaxPayload: 4096,
      wsMaxConnectionsPerUser: 16,
    });
    expect(config.dataDir).toMatch(/\.imgate$/);
  });

  it('runs production on the embedded store only with ALLOW_EMBEDDED_STORE, or on MONGODB_URI', () => {
    const secret = 'x'.repeat(32);
    const production = { IMGATE_MODE: 'production', JWT_SECRET: secret };
    expect(loadConfig({ ...production, ALLOW_EMBEDDED_STORE: 'true' })).toMatchObject({
      mode: 'production',
      allowEmbeddedStore: true,
    });
    expect(loadConfig({ ...production, MONGODB_URI: 'mongodb://db:27017' }).mongodbUri).toBe(
      'mongodb://db:27017',
    );
    expect(loadConfig({}).allowEmbeddedStore).toBe(false);
  });

  it('reads memory data dirs, CORS lists and flags', () => {
    const config = loadConfig({
      DATA_DIR: 'memory',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      VALIDATE_RESPONSES: 'true',
    });
    expect(config.dataDir).toBeUndefined();
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.validateResponses).toBe(true);
    expect(loadConfig({ DATA_DIR: '', CORS_ORIGINS: '*' })).toMatchObject({
      dataDir: undefined,
      corsOrigins: '*',
    });
  });

  it.each([
    [{ PORT: '70000' }, /PORT/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET: must be at least 32 characters/],
    [{ MONGODB_URI: 'http://db' }, /MONGODB_URI/],
    [{ IMGATE_MODE: 'staging' }, /IMGATE_MODE/],
    [{ BODY_LIMIT: '-1' }, /BODY_LIMIT/],
    [{ WS_BACKLOG_BYTES: '100' }, /WS_BACKLOG_BYTES/],
    [{ WS_MAX_PAYLOAD: 'big' }, /WS_MAX_PAYLOAD/],
    [{ WS_MAX_CONNECTIONS_PER_USER: '0' }, /WS_MAX_CONNECTIONS_PER_USER/],
    [{ IMGATE_MODE: 'production' }, /JWT_SECRET or JWKS_URL/],
    [
      { IMGATE_MODE: 'production', JWT_SECRET: 'x'.repeat(32) },
      /MONGODB_URI: required when IMGATE_MODE=production/,
    ],
    [{ JWT_SECRET: 'x'.repeat(32), JWKS_URL: 'https://idp.example/jwks' }, /not both/],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
