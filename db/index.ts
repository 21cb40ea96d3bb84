import 'server-only';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '@/lib/env';
import * as schema from './schema';

const CLOSE = Symbol.for('newsroom.db.close');
type Holder = { __newsroomSql?: postgres.Sql; [CLOSE]?: () => Promise<void> };
const holder = globalThis as unknown as Holder;

function createClient(): postgres.Sql {
  const { DATABASE_URL, DATABASE_POOL_MAX } = env();
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

/** The one PostgreSQL client of the app; survives hot reloads and is closed by the launcher. */
export const sql = (holder.__newsroomSql ??= createClient());
holder[CLOSE] = async () => {
  await sql.end({ timeout: 5 });
  delete holder.__newsroomSql;
};

export const db = drizzle(sql, { schema });
export type Database = typeof db;
