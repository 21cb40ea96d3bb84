// The environment, parsed once. Used by the launcher (outside Next) and by the app (inside it),
// so it must not import `server-only`.
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const port = z.coerce
  .number({ error: 'must be a whole number between 1 and 65535' })
  .int('must be a whole number between 1 and 65535')
  .min(1, 'must be a whole number between 1 and 65535')
  .max(65535, 'must be a whole number between 1 and 65535');

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL');

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
    DATA_DIR: z.string().min(1).default('.data'),
    // 0 asks for any free port.
    EMBEDDED_PG_PORT: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(0).max(65535, 'must be a port number (0 for any free port)').optional(),
    ),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    SITE_URL: z.preprocess(emptyAsUndefined, z.url({ error: 'must be an absolute http(s) URL' }).optional()),
    AUTH_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(32, 'must be at least 32 characters (try: openssl rand -base64 33)').optional(),
    ),
    ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email('must be an e-mail address').optional()),
    ADMIN_PASSWORD: z.preprocess(
      emptyAsUndefined,
      z.string().min(8, 'must be 8 to 128 characters').max(128, 'must be 8 to 128 characters').optional(),
    ),
    CAPTCHA_TEST_CODE: z.preprocess(emptyAsUndefined, z.string().min(1).max(32).optional()),
    REDIS_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional()),
    SMTP_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^smtps?:\/\//, 'must be an smtp:// URL').optional()),
    // Demo content on a fresh database. Defaults to on for the embedded database only.
    SEED_DEMO: z.preprocess(emptyAsUndefined, flag.optional()),
    // Trust X-Forwarded-For from a reverse proxy in front of the app.
    TRUST_PROXY: z.preprocess(emptyAsUndefined, flag.default(false)),
  })
  .refine((e) => Boolean(e.ADMIN_EMAIL) === Boolean(e.ADMIN_PASSWORD), {
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be given together',
    path: ['ADMIN_PASSWORD'],
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses an environment; throws an EnvError whose message is one readable line. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join('.') || 'environment';
    const given = typeof issue.path[0] === 'string' ? source[issue.path[0]] : undefined;
    const shown = given === undefined || /PASSWORD|SECRET/.test(key) ? '' : ` (got "${given}")`;
    return `${key} ${issue.message}${shown}`;
  });
  throw new EnvError(`Invalid environment: ${problems.join('; ')}`);
}

let cached: Env | undefined;

/** The process environment, parsed on first use and then reused. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
