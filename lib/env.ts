// The environment, parsed once. Used by the launcher (outside Next) and by the app (inside it),
// so it must not import `server-only`.
import { z } from 'zod';
import { parseTrustProxy } from './client-address';
import { DEFAULT_DOCUMENT_MAX_BYTES } from './documents';

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

/** Next decodes NEXT_SERVER_ACTIONS_ENCRYPTION_KEY with atob() and imports it as an AES-GCM key. */
function isAesKeyBase64(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  return [16, 24, 32].includes(Buffer.from(value, 'base64').length);
}

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
    // Shared page cache and revalidations for several instances (lib/redis-cache-handler.mjs).
    REDIS_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional()),
    REDIS_PREFIX: z.preprocess(
      emptyAsUndefined,
      z.string().regex(/^[^\s]{1,64}$/, 'must be 1 to 64 characters without spaces').default('newsroom:'),
    ),
    // Read by next.config.mjs (generateBuildId) and by Next itself; checked here so that a bad
    // value stops the launcher with one line instead of a failed build.
    NEWSROOM_BUILD_ID: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores')
        .optional(),
    ),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .refine(isAesKeyBase64, 'must be a base64 AES key of 16, 24 or 32 bytes (try: openssl rand -base64 32)')
        .optional(),
    ),
    // Uploaded files: a directory (the default), or an S3-compatible object store that every
    // instance behind a balancer sees (lib/storage). Credentials: S3_ACCESS_KEY_ID and
    // S3_SECRET_ACCESS_KEY, else the SDK's own chain (AWS_ACCESS_KEY_ID…, a profile, a role).
    MEDIA_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    S3_URL: z.preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^https?$/, error: 'must be the http(s) URL of an S3-compatible endpoint' }).optional(),
    ),
    S3_BUCKET: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3 to 63 lowercase letters, digits, dots or dashes')
        .optional(),
    ),
    S3_REGION: z.preprocess(emptyAsUndefined, z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be a region name such as us-east-1').default('us-east-1')),
    S3_ACCESS_KEY_ID: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    S3_SECRET_ACCESS_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    // Largest file a document may carry (`Tệp đính kèm`, POST /dashboard/van-ban/tep), in bytes:
    // 1 KB to 200 MB, 20 MB by default.
    DOCUMENT_MAX_BYTES: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ error: 'must be a number of bytes between 1024 and 209715200' })
        .int('must be a number of bytes between 1024 and 209715200')
        .min(1024, 'must be a number of bytes between 1024 and 209715200')
        .max(200 * 1024 * 1024, 'must be a number of bytes between 1024 and 209715200')
        .default(DEFAULT_DOCUMENT_MAX_BYTES),
    ),
    SMTP_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^smtps?:\/\//, 'must be an smtp:// URL').optional()),
    // Demo content on a fresh database. Defaults to on for the embedded database only.
    SEED_DEMO: z.preprocess(emptyAsUndefined, flag.optional()),
    // Which proxies in front of the app may report the client's address in X-Forwarded-For
    // (lib/client-address.ts): off, a hop count, or addresses and ranges.
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseTrustProxy(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
  })
  .refine((e) => Boolean(e.ADMIN_EMAIL) === Boolean(e.ADMIN_PASSWORD), {
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be given together',
    path: ['ADMIN_PASSWORD'],
  })
  .refine((e) => !e.S3_URL || e.S3_BUCKET, { message: 'is required with S3_URL', path: ['S3_BUCKET'] })
  .refine((e) => Boolean(e.S3_ACCESS_KEY_ID) === Boolean(e.S3_SECRET_ACCESS_KEY), {
    message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be given together',
    path: ['S3_SECRET_ACCESS_KEY'],
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
    const shown = given === undefined || /PASSWORD|SECRET|KEY/.test(key) ? '' : ` (got "${given}")`;
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
