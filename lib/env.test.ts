import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('fills defaults for an empty environment', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('.data');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TRUST_PROXY).toEqual({ mode: 'off' });
  });

  it('accepts a postgres URL and treats an empty one as unset', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' }).DATABASE_URL).toBe('postgres://u@127.0.0.1:5432/db');
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('rejects a bad port with one readable line naming the variable and the value', () => {
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(EnvError);
    try {
      parseEnv({ PORT: '70000' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('"70000"');
      expect(message).not.toContain('\n');
    }
  });

  it('rejects a non-postgres DATABASE_URL and a short AUTH_SECRET without echoing the secret', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres/);
    try {
      parseEnv({ AUTH_SECRET: 'short-secret' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('AUTH_SECRET');
      expect((error as Error).message).not.toContain('short-secret');
    }
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => parseEnv({ ADMIN_EMAIL: 'a@b.vn' })).toThrow(/together/);
    expect(parseEnv({ ADMIN_EMAIL: 'a@b.vn', ADMIN_PASSWORD: 'mot-mat-khau-dai' }).ADMIN_EMAIL).toBe('a@b.vn');
  });

  it('takes an S3 store only with its bucket, keys in pairs, and never echoes a secret', () => {
    expect(parseEnv({}).S3_URL).toBeUndefined();
    expect(parseEnv({ S3_URL: 'http://127.0.0.1:9000', S3_BUCKET: 'newsroom-media' })).toMatchObject({ S3_URL: 'http://127.0.0.1:9000', S3_BUCKET: 'newsroom-media', S3_REGION: 'us-east-1' });
    expect(() => parseEnv({ S3_URL: 'http://127.0.0.1:9000' })).toThrow(/S3_BUCKET is required with S3_URL/);
    expect(() => parseEnv({ S3_URL: 'ftp://store', S3_BUCKET: 'media' })).toThrow(/S3_URL must be the http\(s\) URL/);
    expect(() => parseEnv({ S3_URL: 'http://store', S3_BUCKET: 'Ảnh' })).toThrow(/S3_BUCKET must be a bucket name/);
    try {
      parseEnv({ S3_URL: 'http://store', S3_BUCKET: 'media', S3_SECRET_ACCESS_KEY: 'bi-mat-cua-kho' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('must be given together');
      expect((error as Error).message).not.toContain('bi-mat-cua-kho');
    }
  });

  it('parses flags', () => {
    expect(parseEnv({ SEED_DEMO: '0' })).toMatchObject({ SEED_DEMO: false });
    expect(() => parseEnv({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });

  it('parses TRUST_PROXY into one of its forms, and stops on a wrong one with one line', () => {
    expect(parseEnv({ TRUST_PROXY: '' }).TRUST_PROXY).toEqual({ mode: 'off' });
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toEqual({ mode: 'hops', hops: 1 });
    // The old flag spelling keeps working: one proxy.
    expect(parseEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toEqual({ mode: 'hops', hops: 1 });
    expect(parseEnv({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toEqual({ mode: 'addresses', addresses: ['loopback'] });
    expect(parseEnv({ TRUST_PROXY: '10.0.0.0/8,fd00::/8' }).TRUST_PROXY).toEqual({ mode: 'addresses', addresses: ['10.0.0.0/8', 'fd00::/8'] });
    for (const bad of ['maybe', '10.0.0.0/33', '99']) {
      try {
        parseEnv({ TRUST_PROXY: bad });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        const message = (error as Error).message;
        expect(message).toMatch(/^Invalid environment: TRUST_PROXY must be off, a number of proxies/);
        expect(message).toContain(`(got "${bad}")`);
        expect(message).not.toContain('\n');
      }
    }
  });

  it('checks the shared-cache settings: prefix, build id and server-actions key', () => {
    expect(parseEnv({}).REDIS_PREFIX).toBe('newsroom:');
    expect(parseEnv({ REDIS_PREFIX: 'site-a:' }).REDIS_PREFIX).toBe('site-a:');
    expect(() => parseEnv({ REDIS_PREFIX: 'has space' })).toThrow(/REDIS_PREFIX/);
    expect(parseEnv({ NEWSROOM_BUILD_ID: 'v1.4.2-abc123' }).NEWSROOM_BUILD_ID).toBe('v1.4.2-abc123');
    expect(() => parseEnv({ NEWSROOM_BUILD_ID: '../x' })).toThrow(/NEWSROOM_BUILD_ID/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(parseEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBe(key);
    const short = Buffer.alloc(20, 7).toString('base64');
    try {
      parseEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: short });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY');
      expect((error as Error).message).not.toContain(short);
    }
  });
});
