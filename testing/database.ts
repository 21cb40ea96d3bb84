// Test databases: each test file gets a fresh, migrated database on the server given by
// TEST_DATABASE_URL (the embedded one that `npm test` starts, or CI's PostgreSQL), dropped after.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { withDatabase } from '../db/embedded';
import { migrateDatabase } from '../db/migrate';

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with "npm test".');
  return url;
}

export type TestDatabase = { name: string; url: string; sql: postgres.Sql; drop: () => Promise<void> };

/** Creates an empty database (optionally migrated); `drop()` removes it and closes the client. */
export async function createTestDatabase({ migrate = true } = {}): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `newsroom_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(server, name);
  if (migrate) await migrateDatabase(url);
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  return {
    name,
    url,
    sql,
    drop: async () => {
      await sql.end({ timeout: 5 });
      const cleaner = postgres(server, { max: 1, onnotice: () => {} });
      await cleaner.unsafe(`drop database if exists "${name}" with (force)`);
      await cleaner.end();
    },
  };
}
