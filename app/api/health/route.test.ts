import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@/db/embedded';
import { closeAppSql } from '@/db/client';

// A database server of its own, so the test can stop it and start it again under the app.
describe('GET /api/health', () => {
  const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'newsroom-health-')), 'data');
  let server: EmbeddedPostgres;
  let GET: () => Promise<Response>;

  beforeAll(async () => {
    server = await startEmbeddedPostgres({ dataDir, port: 0, log: () => {} });
    process.env.DATABASE_URL = server.serverUrl;
    ({ GET } = await import('./route'));
  });

  afterAll(async () => {
    await closeAppSql();
    await server.stop();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('answers 200 with db ok while the database is up', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 with db down while the database is stopped, and 200 again when it returns', async () => {
    await server.stop();
    const down = await GET();
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'error', db: 'down' });

    server = await startEmbeddedPostgres({ dataDir, port: server.port, log: () => {} });
    const up = await GET();
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok', db: 'ok' });
  });
});
