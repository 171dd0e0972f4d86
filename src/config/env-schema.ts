import { z } from 'zod';

const MIB = 1024 * 1024;

function flag() {
  return z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
}

function positiveInt(fallback: number) {
  return z.coerce.number().int().positive().default(fallback);
}

/**
 * The environment variables imgate reads (DESIGN.md "Conventions": configuration by environment,
 * validated at start). Each key is the variable's name so errors can name it.
 */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Unset: start the embedded MongoDB-compatible server. */
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  MONGODB_DB: z.string().min(1).default('imgate'),
  /** `memory` or empty: nothing on disk (the embedded store and the generated JWT secret live in memory). */
  DATA_DIR: z.string().default('./.imgate'),
  IMGATE_MODE: z.enum(['development', 'production']).default('development'),
  /** Production without MONGODB_URI refuses to start unless this opts in to the embedded store. */
  ALLOW_EMBEDDED_STORE: flag(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWKS_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: positiveInt(MIB),
  /** Comma-separated origins, or `*`; empty disables CORS. */
  CORS_ORIGINS: z.string().default(''),
  VALIDATE_RESPONSES: flag(),
  WS_HEARTBEAT_MS: positiveInt(30_000),
  WS_QUEUE_LIMIT: positiveInt(1024),
  /** Bytes sent to a connection and not yet confirmed read (pong) before it is closed with 4429. */
  WS_BACKLOG_BYTES: z.coerce
    .number()
    .int()
    .min(4096)
    .default(256 * 1024),
  /** Largest frame a client may send (they carry nothing but pongs); larger closes with 1009. */
  WS_MAX_PAYLOAD: z.coerce
    .number()
    .int()
    .min(125)
    .max(16 * MIB)
    .default(4096),
  WS_MAX_CONNECTIONS_PER_USER: positiveInt(16),
});

export type RawEnv = z.infer<typeof envSchema>;
