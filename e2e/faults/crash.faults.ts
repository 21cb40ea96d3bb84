// Crashes under writes: `kill -9` of the server, then of the embedded database, while readers'
// comments are being posted and articles published. Every comment the site acknowledged is
// stored exactly once; no article is half-saved (article, revision and audit row commit
// together); the launcher recovers by itself — on the next start after the server's death,
// and without any restart after the database's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  commentTargets,
  createAccount,
  DATA_DIR,
  editorForm,
  halfSavedArticles,
  postmasterPid,
  request,
  signIn,
  startSite,
  storedComments,
  waitFor,
  writeLoad,
  type Site,
} from './site';
import { isAlive } from '../../db/embedded';

const PORT = 3411;
const PG_PORT = 54369;
// Unique per run: the fault tests' database outlives a run started by hand.
const SERVER_PREFIX = `kill-server-${Date.now().toString(36)}`;
const DATABASE_PREFIX = `kill-database-${Date.now().toString(36)}`;
const databaseUrl = () => readFileSync(path.join(DATA_DIR, 'database-url'), 'utf8').trim();

/** Acknowledged comments stored exactly once; nothing stored twice. */
async function expectCommentsKept(prefix: string, acknowledged: Set<string>, sent: Set<string>): Promise<void> {
  const stored = await storedComments(databaseUrl(), prefix);
  const missing = [...acknowledged].filter((token) => stored.get(token) !== 1);
  const duplicated = [...stored].filter(([, n]) => n > 1).map(([token]) => token);
  const unknown = [...stored.keys()].filter((token) => !sent.has(token));
  expect({ missing, duplicated, unknown }).toEqual({ missing: [], duplicated: [], unknown: [] });
}

describe('kill -9 during writes', () => {
  let site: Site | undefined;
  afterAll(async () => {
    await site?.stop();
  });

  it('the server: acknowledged comments and publishes survive, and the next start recovers by itself', async () => {
    site = await startSite({ port: PORT, pgPort: PG_PORT });
    const targets = await commentTargets(site, 4);
    const account = await createAccount(site, 'editor');
    const session = await signIn(site, account);
    const editor = { session, form: await editorForm(site, session) };

    const load = writeLoad(site, { targets, posters: 20, editor, prefix: SERVER_PREFIX });
    await waitFor(async () => (load.acknowledged.size >= 40 && load.published.size >= 3 ? true : undefined), 60_000, 'writes under way');
    const killedPid = site.child.pid as number;
    site.child.kill('SIGKILL');
    await site.exited;
    await load.stop();
    console.log(`kill -9 server: ${load.acknowledged.size} comments and ${load.published.size} articles acknowledged; ${JSON.stringify(Object.fromEntries(load.statuses))}; ${load.connectionErrors} connection errors`);
    expect(isAlive(killedPid)).toBe(false);
    expect(load.acknowledged.size).toBeGreaterThanOrEqual(40);

    // The next start finds the orphaned database server, stops it cleanly and carries on.
    site = await startSite({ port: PORT, pgPort: PG_PORT });
    expect(site.output()).toMatch(/left running by an earlier run/);
    await expectCommentsKept(SERVER_PREFIX, load.acknowledged, load.sent);
    expect(await halfSavedArticles(site.sql)).toEqual([]);
    const published = await site.sql<{ id: number }[]>`select id from articles where status = 'published' and id in ${site.sql([...load.published])}`;
    expect(published.length).toBe(load.published.size);
    expect((await request(`${site.url}/api/health`)).status).toBe(200);
  });

  it('the embedded database: the launcher restarts it, and the site recovers without a restart', async () => {
    site ??= await startSite({ port: PORT, pgPort: PG_PORT });
    const targets = await commentTargets(site, 4);
    const account = await createAccount(site, 'editor');
    const session = await signIn(site, account);
    const editor = { session, form: await editorForm(site, session) };
    const launcherPid = site.child.pid;

    const load = writeLoad(site, { targets, posters: 20, editor, prefix: DATABASE_PREFIX });
    await waitFor(async () => (load.acknowledged.size >= 40 && load.published.size >= 3 ? true : undefined), 60_000, 'writes under way');
    const before = load.acknowledged.size;
    const postmaster = postmasterPid();
    process.kill(postmaster, 'SIGKILL');
    // Writes go on through the outage: refused with the "interrupted" message, then accepted again.
    await waitFor(async () => (site?.output().includes('The database server is running again') ? true : undefined), 60_000, 'the launcher to restart the database');
    await waitFor(async () => (load.acknowledged.size >= before + 40 ? true : undefined), 60_000, 'comments to be accepted again');
    await load.stop();
    console.log(`kill -9 database: ${load.acknowledged.size} comments and ${load.published.size} articles acknowledged; ${JSON.stringify(Object.fromEntries(load.statuses))}; ${load.connectionErrors} connection errors`);

    const errors = site.output().split('\n').filter((line) => /⨯|Error|error/.test(line));
    if (errors.length > 0) console.log(`server errors during the outage:\n${errors.slice(0, 15).join('\n')}`);
    expect(site.child.pid).toBe(launcherPid);
    expect(site.child.exitCode).toBeNull();
    expect(postmasterPid()).not.toBe(postmaster);
    // Mid-outage the site may answer 503 (by design: "temporarily interrupted"), never 500.
    expect(load.statuses.get('comment failed with 500') ?? 0).toBe(0);
    expect(load.statuses.get('article 500') ?? 0).toBe(0);
    expect(load.connectionErrors).toBe(0);
    const health = await request(`${site.url}/api/health`);
    expect(health.status).toBe(200);
    await expectCommentsKept(DATABASE_PREFIX, load.acknowledged, load.sent);
    // The harness's own pool lost its connections with the server: a fresh one checks the articles.
    await site.sql.end({ timeout: 1 }).catch(() => {});
    const { default: postgres } = await import('postgres');
    const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
    try {
      expect(await halfSavedArticles(sql)).toEqual([]);
      const published = await sql<{ id: number }[]>`select id from articles where status = 'published' and id in ${sql([...load.published])}`;
      expect(published.length).toBe(load.published.size);
    } finally {
      await sql.end();
    }
  });
});
