// The fault tests' own parts of the harness: where their site lives, the ports shifted per
// checkout, and what only they check (leaked internals, half-saved articles, a write load).
// Driving the site is testing/site.ts, which the bench uses too.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type postgres from 'postgres';
import { existingClusterDir } from '../../db/embedded';
import { postComment, ROOT, saveArticle, startSite as startSiteIn, type ArticleTarget, type Site, type SiteOptions } from '../../testing/site';

export * from '../../testing/site';

export const DATA_DIR = path.join(ROOT, '.data', 'faults');

/**
 * Ports are shifted by FAULTS_PORT_OFFSET, so that two checkouts on one machine can run their
 * fault tests at the same time.
 */
const PORT_OFFSET = Number(process.env.FAULTS_PORT_OFFSET ?? 0);

/** `npm start` on DATA_DIR (or `dataDir`), on the ports shifted by FAULTS_PORT_OFFSET. */
export function startSite(requested: Omit<SiteOptions, 'dataDir'> & { dataDir?: string }): Promise<Site> {
  return startSiteIn({ ...requested, dataDir: requested.dataDir ?? DATA_DIR, port: requested.port + PORT_OFFSET, pgPort: requested.pgPort + PORT_OFFSET });
}

/** The embedded server's postmaster pid, from its lock file (wherever the cluster lives). */
export function postmasterPid(): number {
  const dir = existingClusterDir(DATA_DIR);
  const file = dir && path.join(dir, 'postmaster.pid');
  if (!file || !existsSync(file)) throw new Error('no running embedded database for DATA_DIR');
  return Number(readFileSync(file, 'utf8').split('\n')[0]);
}

/** Signs that a response leaks internals: a stack frame, a Node error name, a source path. */
export function leaksInternals(body: string): string | null {
  const patterns = [/\n\s+at [^\n]+\(?[\w/.-]+:\d+:\d+\)?/, /\b(TypeError|ReferenceError|SyntaxError|RangeError)\b: /, /node_modules\//, /\/work\/|\/root\//, /PostgresError/];
  for (const pattern of patterns) {
    const match = pattern.exec(body);
    if (match) return match[0].slice(0, 120);
  }
  return null;
}

// ─── Load ────────────────────────────────────────────────────────────────────────────────────

export type WriteLoad = {
  /** Contents (unique tokens) of comments the site acknowledged. */
  acknowledged: Set<string>;
  /** Every token sent, acknowledged or not. */
  sent: Set<string>;
  /** Articles whose publish the site acknowledged (303 to the saved article). */
  published: Set<number>;
  statuses: Map<string, number>;
  connectionErrors: number;
  /** The first few connection errors, for the report. */
  errors: string[];
  stop: () => Promise<void>;
};

/**
 * Comment posters and article publishers running until stopped. Each comment carries a unique
 * token; each publish creates a new article (article row, revision and audit row in one go).
 */
export function writeLoad(
  site: Site,
  options: { targets: ArticleTarget[]; posters: number; editor?: { session: string; form: [string, string][] }; prefix: string },
): WriteLoad {
  const load: WriteLoad = { acknowledged: new Set(), sent: new Set(), published: new Set(), statuses: new Map(), connectionErrors: 0, errors: [], stop: async () => {} };
  let running = true;
  let counter = 0;
  const count = (key: string) => load.statuses.set(key, (load.statuses.get(key) ?? 0) + 1);
  const poster = async () => {
    while (running) {
      const target = options.targets[counter % options.targets.length] as ArticleTarget;
      const token = `${options.prefix}-${(counter += 1)}-${Math.random().toString(36).slice(2, 8)}`;
      load.sent.add(token);
      try {
        const { outcome, status } = await postComment(site, target, `Bình luận ${token}`);
        count(`comment ${outcome}`);
        if (outcome === 'failed') count(`comment failed with ${status}`);
        if (outcome === 'acknowledged') load.acknowledged.add(token);
      } catch (error) {
        load.connectionErrors += 1;
        if (load.errors.length < 10) load.errors.push((error as Error).message);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const publisher = async (editor: { session: string; form: [string, string][] }) => {
    while (running) {
      try {
        const saved = await saveArticle(site, editor.session, editor.form, {
          intent: 'publish',
          title: `Bài kiểm thử sự cố ${options.prefix} ${(counter += 1)}`,
          bodyHtml: `<p>${'Nội dung dài để lưu lâu hơn một chút. '.repeat(200)}</p>`,
        });
        count(`article ${saved.outcome === 'acknowledged' ? 'acknowledged' : saved.status}`);
        if (saved.outcome === 'acknowledged' && saved.id) load.published.add(saved.id);
      } catch (error) {
        load.connectionErrors += 1;
        if (load.errors.length < 10) load.errors.push((error as Error).message);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const workers = [
    ...Array.from({ length: options.posters }, poster),
    ...(options.editor ? [publisher(options.editor), publisher(options.editor)] : []),
  ];
  load.stop = async () => {
    running = false;
    await Promise.all(workers);
  };
  return load;
}

/**
 * Articles written by the load (titles starting "Bài kiểm thử sự cố") that are not whole: the
 * current version without its revision, a revision count that differs from the version, or a
 * published article without its publish audit row.
 */
export async function halfSavedArticles(sql: postgres.Sql): Promise<string[]> {
  const rows = await sql<{ id: number; problem: string }[]>`
    with mine as (
      select a.*, (select count(*)::int from article_revisions r where r.article_id = a.id) as revisions
      from articles a where a.title like 'Bài kiểm thử sự cố %'
    )
    select id, 'no revision for the current version' as problem from mine m
      where not exists (select 1 from article_revisions r where r.article_id = m.id and r.version = m.version)
    union all
    select id, 'revision count ' || revisions || ' differs from version ' || version from mine where revisions <> version
    union all
    select id, 'published without its audit row' from mine m
      where m.status = 'published'
        and not exists (select 1 from audit_log l where l.action = 'article.publish' and l.entity_id = m.id::text)`;
  return rows.map((r) => `article ${r.id}: ${r.problem}`);
}
