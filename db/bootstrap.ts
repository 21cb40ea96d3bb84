// Brings a database up for the app: the embedded server when no DATABASE_URL is given, then
// migrations and one-time demo content. Runs in the launcher, outside Next.
import type { Env } from '../lib/env';
import { drizzle } from 'drizzle-orm/postgres-js';
import { startEmbeddedPostgres, withDatabase } from './embedded';
import { ensureFirstAdmin, type FirstAdminResult } from './first-admin';
import { ensureDatabase, migrateDatabase } from './migrate';
import * as schema from './schema';
import { seedDemoContent, type SeedResult } from './seed';

export const EMBEDDED_DATABASE_NAME = 'newsroom';

export type PreparedDatabase = {
  url: string;
  embedded: boolean;
  /** An identity for build stamps: which database the build's prerendered pages came from. */
  identity: string;
  seed: SeedResult;
  firstAdmin: FirstAdminResult | null;
  stop: () => Promise<void>;
  /** The embedded server, restarted if it died; always false for DATABASE_URL. */
  reviveIfCrashed: () => Promise<boolean>;
  /** For the embedded server, whether it is running right now; undefined for DATABASE_URL. */
  isRunning?: () => boolean;
  /**
   * The pid of the live Newsroom launcher whose embedded server this is (see `shareRunning`):
   * `stop` then leaves it running, and the one-time work (demo content, first admin) is left to it.
   */
  sharedWith?: number;
};

type Options = {
  log: (line: string) => void;
  migrate?: boolean;
  /** Connect to the embedded server another live launcher runs on DATA_DIR, instead of refusing. */
  shareRunning?: boolean;
};

/** Starts (or connects to) the database, migrates it and seeds demo content once. */
export async function prepareDatabase(env: Env, { log, migrate = true, shareRunning = false }: Options): Promise<PreparedDatabase> {
  let url = env.DATABASE_URL;
  let stop = async () => {};
  let reviveIfCrashed = async () => false;
  let isRunning: (() => boolean) | undefined;
  let sharedWith: number | undefined;
  let identity = url ? `url:${new URL(url).host}${new URL(url).pathname}` : '';
  if (!url) {
    const server = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, log, shareRunning });
    stop = server.stop;
    reviveIfCrashed = server.reviveIfCrashed;
    isRunning = server.isRunning;
    sharedWith = server.sharedWith;
    identity = `embedded:${server.pgDataDir}`;
    try {
      await ensureDatabase(server.serverUrl, EMBEDDED_DATABASE_NAME);
      url = withDatabase(server.serverUrl, EMBEDDED_DATABASE_NAME);
    } catch (error) {
      await stop();
      throw error;
    }
  }
  const embedded = !env.DATABASE_URL;
  const wantSeed = env.SEED_DEMO ?? embedded;
  let seed: SeedResult = { seeded: false };
  let firstAdmin: FirstAdminResult | null = null;
  if (migrate) {
    try {
      // On a shared server the migrations still run (under their lock, after the owner's, so
      // usually nothing is left to do); the demo content and the first-admin link are the
      // owner's: a new setup link here would void the one it printed.
      await migrateDatabase(url, sharedWith ? undefined : async (sql) => {
        if (wantSeed) seed = await seedDemoContent(sql);
        const admin = env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined;
        firstAdmin = await ensureFirstAdmin(drizzle(sql, { schema }), admin);
      });
    } catch (error) {
      await stop();
      throw error;
    }
  }
  return { url, embedded, identity, seed, firstAdmin, stop, reviveIfCrashed, isRunning, sharedWith };
}
