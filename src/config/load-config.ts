import { resolve } from 'node:path';
import { envSchema } from './env-schema.ts';

/** The validated gateway configuration (derived from the environment by `loadConfig`). */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Undefined: the embedded server is started. */
  readonly mongodbUri: string | undefined;
  readonly mongodbDb: string;
  /** Absolute directory, or undefined for in-memory operation (`DATA_DIR=memory` or empty). */
  readonly dataDir: string | undefined;
  readonly mode: 'development' | 'production';
  /** Production mode may run on the embedded store (no `MONGODB_URI`) only with this opt-in. */
  readonly allowEmbeddedStore: boolean;
  readonly jwtSecret: string | undefined;
  readonly jwksUrl: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly bodyLimit: number;
  /** `'*'`, a list of origins, or empty (CORS off). */
  readonly corsOrigins: '*' | readonly string[];
  readonly validateResponses: boolean;
  readonly wsHeartbeatMs: number;
  readonly wsQueueLimit: number;
  readonly wsBacklogBytes: number;
  readonly wsMaxPayload: number;
  readonly wsMaxConnectionsPerUser: number;
}

/** A configuration error found at start; the message names every offending variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === '' && k !== 'DATA_DIR' ? undefined : v]),
  );
}

function corsOrigins(raw: string): '*' | readonly string[] {
  if (raw.trim() === '*') return '*';
  return raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/**
 * Reads and validates the environment once at start, so bad configuration fails before a port is
 * opened, with a message like `PORT: Too big: expected number to be <=65535`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(blankToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.IMGATE_MODE === 'production' && !e.JWT_SECRET && !e.JWKS_URL) {
    throw new ConfigError(
      'invalid configuration:\n  JWT_SECRET or JWKS_URL: one is required when IMGATE_MODE=production',
    );
  }
  if (e.IMGATE_MODE === 'production' && !e.MONGODB_URI && !e.ALLOW_EMBEDDED_STORE) {
    throw new ConfigError(
      'invalid configuration:\n  MONGODB_URI: required when IMGATE_MODE=production; the embedded store is a ' +
        'development server (set ALLOW_EMBEDDED_STORE=true to run on it anyway)',
    );
  }
  if (e.JWT_SECRET && e.JWKS_URL) {
    throw new ConfigError('invalid configuration:\n  JWT_SECRET and JWKS_URL: set one of them, not both');
  }
  const memory = e.DATA_DIR === '' || e.DATA_DIR === 'memory';
  return {
    port: e.PORT,
    host: e.HOST,
    mongodbUri: e.MONGODB_URI,
    mongodbDb: e.MONGODB_DB,
    dataDir: memory ? undefined : resolve(e.DATA_DIR),
    mode: e.IMGATE_MODE,
    allowEmbeddedStore: e.ALLOW_EMBEDDED_STORE,
    jwtSecret: e.JWT_SECRET,
    jwksUrl: e.JWKS_URL,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    corsOrigins: corsOrigins(e.CORS_ORIGINS),
    validateResponses: e.VALIDATE_RESPONSES,
    wsHeartbeatMs: e.WS_HEARTBEAT_MS,
    wsQueueLimit: e.WS_QUEUE_LIMIT,
    wsBacklogBytes: e.WS_BACKLOG_BYTES,
    wsMaxPayload: e.WS_MAX_PAYLOAD,
    wsMaxConnectionsPerUser: e.WS_MAX_CONNECTIONS_PER_USER,
  };
}
