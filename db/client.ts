// The app's PostgreSQL pool: one per process, whoever asks first. Next's bundle gets it through
// db/index.ts (drizzle over it); npm start's launcher (scripts/start.ts) asks for it directly,
// for the redirect map and the session check, and closes it once at shutdown. No
// `server-only` here, which is what lets the launcher, outside Next, import it; and no module
// state either: Next's bundles and the launcher load separate copies of this file, so the pool
// is kept on globalThis under a registered symbol (which also survives `next dev` reloads).
import postgres from 'postgres';
import { parseEnv } from '../lib/env';

const POOL = Symbol.for('newsroom.db.pool');
const holder = globalThis as unknown as { [POOL]?: postgres.Sql };

function createPool(): postgres.Sql {
  // Parsed here, not through env()'s cache: the launcher exports DATABASE_URL only once the
  // database is up.
  const { DATABASE_URL, DATABASE_POOL_MAX } = parseEnv(process.env);
  if (!DATABASE_URL) {
    throw new Error('DATABASE_URL is not set: start the site with "npm start" (or set DATABASE_URL).');
  }
  return postgres(DATABASE_URL, {
    max: DATABASE_POOL_MAX,
    idle_timeout: 30,
    connect_timeout: 5,
    onnotice: () => {},
    connection: { application_name: 'newsroom', statement_timeout: 15_000 },
  });
}

/** The process's pool, created on first use from DATABASE_URL and DATABASE_POOL_MAX. */
export function appSql(): postgres.Sql {
  return (holder[POOL] ??= createPool());
}

/** Ends the pool, if there is one (waiting up to 5 s for queries in progress); later calls do nothing. */
export async function closeAppSql(): Promise<void> {
  const pool = holder[POOL];
  if (!pool) return;
  delete holder[POOL];
  await pool.end({ timeout: 5 });
}
