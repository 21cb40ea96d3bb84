import 'server-only';
import { drizzle } from 'drizzle-orm/postgres-js';
import { appSql } from './client';
import * as schema from './schema';

/** The app's pool (db/client.ts: one per process, shared with npm start's launcher). */
export const sql = appSql();

export const db = drizzle(sql, { schema });
export type Database = typeof db;
