// `npm run bench`: speed and scale, measured against a production build on the embedded
// database, with every figure that can be a ratio set against a reference measured in the
// same run. Prints a table and writes JSON under bench-results/. Options:
//   --articles N     the large archive (default 100000; the small one is 1000)
//   --quick          10000 articles and shorter runs, for a first look
//   --via-nginx      also measure through deploy/nginx.conf (installs nginx when missing)
//   --instances 2    also run two instances sharing Redis (REDIS_URL, default the local one) and
//                    time a publish through A until B shows it
//   --reuse          when .data/bench already holds the large archive of this size (a previous
//                    run seeded it), measure only that: search and pages, without the ratios
//                    that need the small archive or a build. For repeated runs while tuning.
//   --documents-only only the documents (Văn bản): the demo, then 10,000 and 100,000 bulk
//                    documents; at each, the registry's search timed at the SQL level
//                    (listDocuments, as /van-ban runs it) and, when the site has /van-ban, over HTTP with the
//                    registry list's requests/s. A full run measures documents too.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { EMBEDDED_DATABASE_NAME } from '../db/bootstrap';
import { removeCluster, startEmbeddedPostgres, withDatabase } from '../db/embedded';
import {
  commentTargets,
  createAccount,
  editorForm,
  fetchCaptcha,
  postComment,
  postCommentWithScript,
  request,
  rssOf,
  saveArticle,
  signIn,
  startSite,
  storedComments,
  type Captcha,
  type Site,
} from '../testing/site';
import { deleteKeysWithPrefix } from '../testing/redis';
import { log, ROOT } from './lib/launch';
import { startNginx } from './lib/nginx';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
};
const QUICK = flag('quick');
const LARGE = option('articles', QUICK ? 10_000 : 100_000);
const SMALL = 1_000;
const LOAD_SECONDS = QUICK ? 5 : 10;
const CONNECTIONS = 50;
const VIA_NGINX = flag('via-nginx');
const INSTANCES = option('instances', 1);
const REUSE = flag('reuse');
const DOCUMENTS_ONLY = flag('documents-only');
const DOCUMENTS_SMALL = 10_000;
const DOCUMENTS_LARGE = option('documents', 100_000);
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const DATA_DIR = path.join(ROOT, '.data', 'bench');
/** Written once the large archive is seeded: what --reuse looks for. */
const SEEDED_MARKER = path.join(DATA_DIR, 'bench-seeded.json');
const PORT = 3450;
const PG_PORT = 54379;
const STATIC_PORT = 3451;
const NGINX_PORT = 3452;
const PORT_B = 3453;
const SEARCHES = ['hà nội', 'ha noi', 'giao thông', 'giao thong', 'người khuyết tật', 'nguoi khuyet tat', 'y tế', 'y te', 'chính sách nhà ở', 'chinh sach nha o', 'quận 1', 'trường học'];

type Row = { metric: string; value: string; reference?: string; ratio?: string; tail?: string; target?: string };
const rows: Row[] = [];
const results: Record<string, unknown> = {
  startedAt: new Date().toISOString(),
  options: { LARGE, SMALL, QUICK, VIA_NGINX, INSTANCES, DOCUMENTS_ONLY, DOCUMENTS_SMALL, DOCUMENTS_LARGE },
  load: { atStart: readFileSync('/proc/loadavg', 'utf8').trim() },
};
const record = (row: Row, data?: Record<string, unknown>) => {
  rows.push(row);
  if (data) results[row.metric] = data;
  log(`${row.metric}: ${row.value}${row.ratio ? ` (ratio ${row.ratio})` : ''}${row.tail ? ` (p99 ÷ p50 ${row.tail})` : ''}`);
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Runs a command to completion, sampling the whole process tree's memory; resolves with time and peak RSS. */
function measured(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; peakMb: number; code: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    let peak = 0;
    const sample = () => {
      const tree = processTree(child.pid as number);
      const total = tree.reduce((sum, pid) => sum + (safeRss(pid) ?? 0), 0);
      peak = Math.max(peak, total);
    };
    const timer = setInterval(sample, 200);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, peakMb: peak / 1024 / 1024, code: code ?? 1 });
    });
  });
}

function safeRss(pid: number): number | undefined {
  try {
    return rssOf(pid);
  } catch {
    return undefined;
  }
}

/** A process and all its descendants, from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirProc()) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), entry]);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] as number) ?? []));
  return tree;
}

function readdirProc(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}

const launcherEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  DATA_DIR,
  DATABASE_URL: '',
  EMBEDDED_PG_PORT: String(PG_PORT),
  NEXT_TELEMETRY_DISABLED: '1',
  ...extra,
});

/** Adds bulk articles to the bench database (the embedded server is started for the command). */
async function seedMore(count: number): Promise<void> {
  log(`Seeding ${count.toLocaleString('en')} more articles…`);
  const { code } = await measured(process.execPath, ['--import', 'tsx', 'scripts/with-db.ts', '--', process.execPath, '--import', 'tsx', 'scripts/seed-bulk.ts', '--articles', String(count)], launcherEnv());
  if (code !== 0) throw new Error('seed:bulk failed');
}

/** `next build` through the launcher's own build step, timed, with the peak memory of its processes. */
async function build(label: string): Promise<void> {
  const result = await measured(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], launcherEnv());
  if (result.code !== 0) throw new Error('build failed');
  results[`build ${label}`] = result;
  log(`next build at ${label}: ${result.seconds.toFixed(1)} s, peak ${Math.round(result.peakMb)} MB`);
}

type LoadResult = {
  rps: number;
  /**
   * Latency percentiles of the steady run: every answer but the first on each connection. That
   * one is counted from when autocannon opened the connection, so it includes the wait in the
   * kernel's accept queue (see `firstOnConnection`).
   */
  p50: number;
  p99: number;
  /** p99 ÷ p50 of the steady run: how far the slowest 1% is from the typical request. */
  tail: number;
  /** autocannon's own p99, every answer included. */
  p99All: number;
  /**
   * The first answer on each of the connections, all opened at once: what a visitor arriving
   * at a saturated server waits. Node 20 (libuv ≥ 1.45) accepts one connection per turn of the
   * event loop, and a turn lasts as long as the work that became ready in it.
   */
  firstOnConnection: { p50: number; max: number };
  errors: number;
  non2xx: number;
  /** When the load began (epoch ms), to set against the server's own logs. */
  startedAt: number;
  /** CPU the load generator (this process) used, in cores: it shares the machine with the server. */
  generatorCores: number;
  /** Per 500 ms of the run: steady answers, their p50 and their slowest (ms). */
  timeline: { at: number; n: number; p50: number; max: number }[];
};

/**
 * autocannon against one URL: requests/s, latency percentiles of the steady run and of each
 * connection's first answer, and when in the run the slow answers came.
 */
async function load(url: string, connections = CONNECTIONS, seconds = LOAD_SECONDS): Promise<LoadResult> {
  const steady: [at: number, ms: number][] = [];
  const first: number[] = [];
  const seen = new Set<unknown>();
  let started = 0;
  const startedAt = Date.now();
  const cpuBefore = process.cpuUsage();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, pipelining: 1 }, (error, done) => (error ? reject(error) : resolve(done)));
    started = performance.now();
    instance.on('response', (client: unknown, _status: number, _bytes: number, responseTime: number) => {
      if (seen.has(client)) steady.push([performance.now() - started, responseTime]);
      else {
        seen.add(client);
        first.push(responseTime);
      }
    });
  });
  const cpu = process.cpuUsage(cpuBefore);
  const generatorCores = (cpu.user + cpu.system) / 1000 / (performance.now() - started);
  const timeline: LoadResult['timeline'] = [];
  for (let at = 0; at < seconds * 1000; at += 500) {
    const times = steady.filter(([t]) => t >= at && t < at + 500).map(([, latency]) => latency);
    timeline.push({ at, n: times.length, p50: percentile(times, 50), max: Math.max(0, ...times) });
  }
  const latencies = steady.map(([, latency]) => latency);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  return {
    rps: result.requests.average,
    p50,
    p99,
    tail: p99 / p50,
    p99All: result.latency.p99,
    firstOnConnection: { p50: percentile(first, 50), max: Math.max(0, ...first) },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    startedAt,
    generatorCores,
    timeline,
  };
}

/** The latencies for the table, and a log line saying when the answers slower than 3× p50 came. */
function latencyText(name: string, result: LoadResult): string {
  const slow = result.timeline.filter((bucket) => bucket.max > 3 * result.p50).map((bucket) => `${(bucket.at / 1000).toFixed(1)} s: max ${Math.round(bucket.max)} ms of ${bucket.n}`);
  log(`${name}: the load generator used ${result.generatorCores.toFixed(2)} cores; steady answers slower than 3× p50 (${Math.round(3 * result.p50)} ms) came at ${slow.length > 0 ? slow.join('; ') : 'no time'}`);
  const { p50, max } = result.firstOnConnection;
  return `p50 ${Math.round(result.p50)} ms, p99 ${Math.round(result.p99)} ms; first answer on a new connection p50 ${Math.round(p50)} ms, max ${Math.round(max)} ms`;
}

const tailText = (result: LoadResult) => `${result.tail.toFixed(1)}×`;

/** The page's bytes and headers served from memory by a minimal Node server: the ceiling. */
async function staticServer(html: string): Promise<Server> {
  const body = Buffer.from(html);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(STATIC_PORT, '127.0.0.1', resolve));
  return server;
}

/**
 * Requests a page until Next serves it fresh from its cache (`x-nextjs-cache: HIT`). The first
 * request after the page's revalidate period gets the stale copy and starts a regeneration in
 * the background; measured right after, that render would overlap the start of every load (it
 * did: the article page answered STALE for about 0.4 s). Readers never wait for it; its cost is
 * one render per period, logged here.
 */
async function warm(url: string): Promise<void> {
  const started = performance.now();
  let stale = 0;
  for (;;) {
    const reply = await request(url);
    const cache = reply.headers['x-nextjs-cache'];
    if (cache !== 'STALE') break;
    stale += 1;
    if (performance.now() - started > 30_000) throw new Error(`${url} still stale after 30 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  if (stale > 0) log(`${url}: stale, regenerated in the background; fresh after ${Math.round(performance.now() - started)} ms (${stale} stale answers)`);
}

async function benchPages(site: Site, label: string, baseUrl = site.url): Promise<void> {
  const [article] = await site.sql<{ slug: string }[]>`select slug from articles where status = 'published' order by published_at desc limit 1`;
  const [section] = await site.sql<{ slug: string }[]>`select slug from sections order by position limit 1`;
  const articlePath = `/bai-viet/${article?.slug}`;
  await warm(`${site.url}${articlePath}`);
  const page = await request(`${site.url}${articlePath}`);
  await warm(`${baseUrl}${articlePath}`);
  const reference = await staticServer(page.body);
  const ceiling = await load(`http://127.0.0.1:${STATIC_PORT}/`);
  reference.close();
  const app = await load(`${baseUrl}${articlePath}`);
  record(
    {
      metric: `article page ${label}`,
      value: `${Math.round(app.rps)} req/s, ${latencyText(`article page ${label}`, app)}, ${app.errors} errors, ${app.non2xx} non-2xx`,
      reference: `${Math.round(ceiling.rps)} req/s from memory (${latencyText('in-memory server', ceiling).split(';')[0]}, ${tailText(ceiling)})`,
      ratio: `${((app.rps / ceiling.rps) * 100).toFixed(1)}%`,
      tail: tailText(app),
      target: label.includes('nginx') ? 'p99 ≤ 100 ms, ≥ 70%, p99 ≤ 3× p50' : 'p99 ≤ 100 ms, 0 errors, ≥ 10%, p99 ≤ 3× p50',
    },
    { app, ceiling },
  );
  for (const [name, pathname] of [
    ['home', '/'],
    ['section', `/chuyen-muc/${section?.slug}`],
    ['rss', '/rss.xml'],
  ] as const) {
    await warm(`${baseUrl}${pathname}`);
    const result = await load(`${baseUrl}${pathname}`);
    record(
      {
        metric: `${name} ${label}`,
        value: `${Math.round(result.rps)} req/s, ${latencyText(`${name} ${label}`, result)}, ${result.errors} errors, ${result.non2xx} non-2xx`,
        tail: tailText(result),
        target: 'p99 ≤ 3× p50',
      },
      result,
    );
  }
}

async function benchSearch(site: Site, label: string): Promise<number> {
  const times: number[] = [];
  for (const query of SEARCHES) await request(`${site.url}/tim-kiem?q=${encodeURIComponent(query)}`); // warm
  for (let round = 0; round < (QUICK ? 3 : 8); round++) {
    for (const query of SEARCHES) {
      const reply = await request(`${site.url}/tim-kiem?q=${encodeURIComponent(query)}`);
      if (reply.status !== 200) throw new Error(`search "${query}" answered ${reply.status}`);
      times.push(reply.ms);
    }
  }
  const p95 = percentile(times, 95);
  record({ metric: `search ${label}`, value: `p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)} over ${times.length} queries`, target: 'p95 ≤ 50 ms at 100k' }, { times });
  return p95;
}

/**
 * Comment posting by 20 concurrent posters, then a count proving every acknowledged comment is
 * stored exactly once. Twice: as the form's JavaScript posts (the security codes fetched
 * beforehand, as the form's image does when the page loads; only the posts are timed), and as
 * a browser without JavaScript does (code and form post, answered with the re-rendered page).
 */
async function benchComments(site: Site): Promise<void> {
  const targets = await commentTargets(site, 10);
  const databaseUrl = readFileSync(path.join(DATA_DIR, 'database-url'), 'utf8').trim();
  const posters = 20;

  const captchas: Captcha[] = [];
  const wanted = LOAD_SECONDS * 600;
  log(`Fetching ${wanted.toLocaleString('en')} security codes for the posters…`);
  await Promise.all(Array.from({ length: posters }, async () => {
    while (captchas.length < wanted) captchas.push(await fetchCaptcha(site));
  }));
  const scripted = await postingRun(targets, posters, async (target, content) => {
    const captcha = captchas.pop();
    return captcha ? postCommentWithScript(site, target, content, captcha) : null;
  });
  await reportPosting('comments, 20 posters, with JavaScript (post only)', scripted, databaseUrl, captchas.length === 0, '≥ 300/s, p99 ≤ 250 ms, none lost');

  const plain = await postingRun(targets, posters, (target, content) => postComment(site, target, content));
  // Without JavaScript the answer is the whole article page rendered anew: none lost is the target.
  await reportPosting('comments, 20 posters, without JavaScript (code + post + page)', plain, databaseUrl, false, 'none lost');
}

type PostingRun = { prefix: string; acknowledged: Set<string>; sent: number; seconds: number; latencies: number[] };

/** `posters` loops posting for LOAD_SECONDS; `post` answers null when it has nothing left to send. */
async function postingRun(
  targets: Awaited<ReturnType<typeof commentTargets>>,
  posters: number,
  post: (target: (typeof targets)[number], content: string) => Promise<{ outcome: string } | null>,
): Promise<PostingRun> {
  const run: PostingRun = { prefix: `bench-${randomBytes(4).toString('hex')}`, acknowledged: new Set(), sent: 0, seconds: 0, latencies: [] };
  const deadline = Date.now() + LOAD_SECONDS * 1000;
  const poster = async (n: number) => {
    for (let i = 0; Date.now() < deadline; i++) {
      const token = `${run.prefix}-${n}-${i}`;
      const started = performance.now();
      const result = await post(targets[(n + i) % targets.length] as (typeof targets)[number], `Bình luận ${token}`);
      if (!result) return;
      run.sent += 1;
      run.latencies.push(performance.now() - started);
      if (result.outcome === 'acknowledged') run.acknowledged.add(token);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: posters }, (_, n) => poster(n)));
  run.seconds = (performance.now() - started) / 1000;
  return run;
}

async function reportPosting(metric: string, run: PostingRun, databaseUrl: string, ranOut: boolean, target: string): Promise<void> {
  const stored = await storedComments(databaseUrl, run.prefix);
  const lost = [...run.acknowledged].filter((token) => stored.get(token) !== 1).length;
  record(
    {
      metric,
      value: `${(run.acknowledged.size / run.seconds).toFixed(0)}/s acknowledged (${run.sent} sent), p50 ${ms(percentile(run.latencies, 50))}, p99 ${ms(percentile(run.latencies, 99))}, ${lost} lost${ranOut ? ' (ran out of codes)' : ''}`,
      target,
      tail: `${(percentile(run.latencies, 99) / percentile(run.latencies, 50)).toFixed(1)}×`,
    },
    { acknowledged: run.acknowledged.size, sent: run.sent, seconds: run.seconds, lost, p50: percentile(run.latencies, 50), p99: percentile(run.latencies, 99) },
  );
}

/** Publishes through `writer` and times until `reader` serves the new title. */
async function benchPublish(writer: Site, readerUrl: string, label: string): Promise<void> {
  const account = await createAccount(writer, 'editor');
  const session = await signIn(writer, account);
  const form = await editorForm(writer, session);
  const slug = `do-tre-xuat-ban-${Date.now().toString(36)}`;
  const first = await saveArticle(writer, session, form, { intent: 'publish', title: 'Đo độ trễ xuất bản 0', slug });
  if (first.outcome !== 'acknowledged' || !first.id) throw new Error(`publish failed: ${first.status}`);
  await request(`${readerUrl}/bai-viet/${slug}`);
  const delays: number[] = [];
  for (let i = 1; i <= 20; i++) {
    // Editors publish whenever they like: a random pause keeps the loop from falling into step
    // with nginx's micro-cache, whose clock ticks in whole seconds (a copy lives 1 to 2 s).
    await new Promise((r) => setTimeout(r, Math.random() * 1000));
    const [row] = await writer.sql<{ version: number }[]>`select version from articles where id = ${first.id}`;
    const title = `Đo độ trễ xuất bản ${i}`;
    const saved = await saveArticle(writer, session, form, { id: first.id, version: row?.version, intent: 'publish', title, slug });
    if (saved.outcome !== 'acknowledged') throw new Error(`publish ${i} failed: ${saved.status}`);
    const acknowledgedAt = performance.now();
    for (;;) {
      const page = await request(`${readerUrl}/bai-viet/${slug}`);
      if (page.body.includes(title)) break;
      if (performance.now() - acknowledgedAt > 30_000) throw new Error(`${label}: not visible after 30 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
    delays.push(performance.now() - acknowledgedAt);
  }
  record(
    { metric: `publish to visible, ${label}`, value: `p50 ${ms(percentile(delays, 50))}, p95 ${ms(percentile(delays, 95))} over 20`, target: label.includes('nginx') ? 'p95 ≤ 2 s' : 'p95 ≤ 1 s' },
    { delays },
  );
}

/**
 * Two `npm start` instances on one database and one Redis, as behind a balancer: the same
 * build id, server-actions key and secrets (DATA_DIR), pages and invalidations in Redis under
 * a prefix of this run's own. Publishes through A, times until A and then B show the change.
 * Both use DATABASE_URL (the bench's embedded server, started here), so their build stamps
 * agree: A builds once, B finds that build current.
 */
async function benchInstances(siteEnv: Record<string, string>): Promise<void> {
  const prefix = `newsroom-bench-${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect().catch((error: Error) => {
    throw new Error(`--instances needs Redis at ${REDIS_URL} (set REDIS_URL): ${error.message}`);
  });
  const database = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: PG_PORT, log });
  const env = {
    ...siteEnv,
    DATABASE_URL: withDatabase(database.serverUrl, EMBEDDED_DATABASE_NAME),
    REDIS_URL,
    REDIS_PREFIX: prefix,
    NEWSROOM_BUILD_ID: 'bench-instances',
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  const sites: Site[] = [];
  try {
    log(`${INSTANCES} instances sharing Redis (${prefix}*); instance A builds first…`);
    for (let n = 0; n < INSTANCES; n++) {
      sites.push(await startSite({ port: n === 0 ? PORT : PORT_B + n - 1, pgPort: PG_PORT, dataDir: DATA_DIR, env }));
    }
    const [a, ...others] = sites as [Site, ...Site[]];
    await benchPublish(a, a.url, 'instance A with Redis');
    for (const [n, other] of others.entries()) await benchPublish(a, other.url, `instance ${String.fromCharCode(66 + n)} (published on A)`);
  } finally {
    await Promise.all(sites.map((site) => site.stop()));
    await database.stop();
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
  }
}

/** Adds bulk documents to the bench database (`seed:bulk --documents`). */
async function seedMoreDocuments(count: number): Promise<void> {
  log(`Seeding ${count.toLocaleString('en')} more documents…`);
  const { code } = await measured(process.execPath, ['--import', 'tsx', 'scripts/with-db.ts', '--', process.execPath, '--import', 'tsx', 'scripts/seed-bulk.ts', '--documents', String(count)], launcherEnv());
  if (code !== 0) throw new Error('seed:bulk --documents failed');
}

type SqlTiming = { documents: number; queries: number; p50: number; p95: number; max: number; perCase: { label: string; kind: string; n: number; p50: number; p95: number }[] };

/**
 * The registry's search at the SQL level (scripts/lib/document-search-timing.ts, in a child:
 * the queries are server-only), the registry's own listDocuments over a query mix.
 * With `databaseUrl` it runs against that server (a site is up); else through with-db.
 */
async function documentSearchSql(label: string, databaseUrl?: string): Promise<SqlTiming> {
  const file = path.join(DATA_DIR, 'document-search.json');
  const timing = [process.execPath, '--conditions=react-server', '--import', 'tsx', 'scripts/lib/document-search-timing.ts', '--rounds', QUICK ? '3' : '8', '--json', file];
  const [command, ...args] = databaseUrl ? timing : [process.execPath, '--import', 'tsx', 'scripts/with-db.ts', '--', ...timing];
  const { code } = await measured(command as string, args, databaseUrl ? { ...launcherEnv(), DATABASE_URL: databaseUrl } : launcherEnv());
  if (code !== 0) throw new Error('document search timing failed');
  const current = JSON.parse(readFileSync(file, 'utf8')) as SqlTiming;
  const worst = [...current.perCase].sort((a, b) => b.p95 - a.p95)[0];
  record(
    {
      metric: `document search (SQL) ${label}`,
      value: `p50 ${ms(current.p50)}, p95 ${ms(current.p95)} over ${current.queries} (slowest "${worst?.label}" p95 ${ms(worst?.p95 ?? NaN)})`,
      target: 'p95 ≤ 50 ms',
    },
    current,
  );
  return current;
}

/** The site has the public registry (it is built on another branch until merged). */
const hasRegistry = () => existsSync(path.join(ROOT, 'app', '(site)', 'van-ban', 'page.tsx'));

/** `/van-ban` over HTTP: the list under load, and the query mix's searches one at a time. */
async function benchDocumentsHttp(site: Site, label: string): Promise<number> {
  await warm(`${site.url}/van-ban`);
  const list = await load(`${site.url}/van-ban`);
  record(
    {
      metric: `/van-ban list ${label}`,
      value: `${Math.round(list.rps)} req/s, ${latencyText(`/van-ban ${label}`, list)}, ${list.errors} errors, ${list.non2xx} non-2xx`,
      tail: tailText(list),
      target: 'p99 ≤ 3× p50',
    },
    list,
  );
  const [issuer] = await site.sql<{ slug: string }[]>`select slug from document_terms where kind = 'issuer' and slug = 'ubnd-quan-binh-minh'`;
  const numbers = await site.sql<{ number: string }[]>`select number from documents where status = 'published' and number ~ '^[0-9]+/' order by md5(id::text) limit 3`;
  const searches = [
    'q=67+kh+ubnd',
    ...numbers.map((r) => `q=${encodeURIComponent(r.number.toLowerCase().replace(/[/-]+/g, ' '))}`),
    `q=${encodeURIComponent('kế hoạch tuyển sinh')}`,
    'q=ke+hoach+tuyen+sinh',
    `q=${encodeURIComponent('người khuyết tật')}`,
    'q=nguoi+khuyet+tat',
    `q=${encodeURIComponent('quận')}`,
    'q=granite',
    'q=lang+quang',
    `q=ke+hoach&co-quan=${issuer?.slug ?? 'ubnd-quan-binh-minh'}&nam=${new Date().getFullYear() - 1}`,
    'q=tuyen+sinh&linh-vuc=giao-duc',
    'q=phuong&loai=ke-hoach',
  ];
  const times: number[] = [];
  for (const query of searches) await request(`${site.url}/van-ban?${query}`);
  for (let round = 0; round < (QUICK ? 3 : 6); round++) {
    for (const query of searches) {
      const reply = await request(`${site.url}/van-ban?${query}`);
      if (reply.status !== 200) throw new Error(`/van-ban?${query} answered ${reply.status}`);
      times.push(reply.ms);
    }
  }
  const p95 = percentile(times, 95);
  record({ metric: `document search (HTTP) ${label}`, value: `p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)} over ${times.length} searches`, target: 'p95 ≤ 50 ms at 100k' }, { times });
  return p95;
}

/** Documents at 10k and at the large count: seeding, SQL timing, and the site's registry when it has one. */
async function benchDocuments(siteEnv: Record<string, string>, options: { fresh: boolean }): Promise<void> {
  if (options.fresh) {
    removeCluster(DATA_DIR);
    mkdirSync(DATA_DIR, { recursive: true });
    await measured(process.execPath, ['--import', 'tsx', 'scripts/with-db.ts', '--', 'true'], launcherEnv()); // create, migrate, seed the demo
  }
  const [existing] = await countDocuments();
  await seedMoreDocuments(Math.max(1, DOCUMENTS_SMALL - existing));
  const small = await documentSearchSql(`${DOCUMENTS_SMALL.toLocaleString('en')} documents`);
  const http = hasRegistry();
  if (!http) log('No /van-ban on this branch: document search measured at the SQL level only.');
  let httpSmall = NaN;
  let httpLarge = NaN;
  if (http) {
    if (options.fresh) await build(`${DOCUMENTS_SMALL} documents`);
    const site = await startSite({ port: PORT, pgPort: PG_PORT, dataDir: DATA_DIR, env: siteEnv });
    try {
      httpSmall = await benchDocumentsHttp(site, `${DOCUMENTS_SMALL.toLocaleString('en')} documents`);
    } finally {
      await site.stop();
    }
  }
  await seedMoreDocuments(DOCUMENTS_LARGE - DOCUMENTS_SMALL);
  const large = await documentSearchSql(`${DOCUMENTS_LARGE.toLocaleString('en')} documents`);
  if (http) {
    const site = await startSite({ port: PORT, pgPort: PG_PORT, dataDir: DATA_DIR, env: siteEnv });
    try {
      httpLarge = await benchDocumentsHttp(site, `${DOCUMENTS_LARGE.toLocaleString('en')} documents`);
    } finally {
      await site.stop();
    }
  }
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  record({
    metric: 'document search ratio',
    value: `SQL p95 ${ms(large.p95)} / ${ms(small.p95)}${http ? `; HTTP ${ms(httpLarge)} / ${ms(httpSmall)}` : ''}`,
    ratio: `${ratio(large.p95, small.p95)}${http ? ` (HTTP ${ratio(httpLarge, httpSmall)})` : ''}`,
    target: '≤ 3×',
  });
}

/** Documents in the bench database (the embedded server started for the count). */
async function countDocuments(): Promise<[number]> {
  const file = path.join(DATA_DIR, 'document-count');
  const script = `import postgres from 'postgres'; import { writeFileSync } from 'node:fs'; const sql = postgres(process.env.DATABASE_URL, { max: 1 }); const [r] = await sql\`select count(*)::int as n from documents\`; writeFileSync(${JSON.stringify(file)}, String(r.n)); await sql.end();`;
  const { code } = await measured(process.execPath, ['--import', 'tsx', 'scripts/with-db.ts', '--', process.execPath, '--input-type=module', '-e', script], launcherEnv());
  if (code !== 0) throw new Error('counting documents failed');
  return [Number(readFileSync(file, 'utf8'))];
}

function printTable(): void {
  const header = ['metric', 'value', 'reference', 'ratio', 'p99 ÷ p50', 'target'];
  const cells = rows.map((r) => [r.metric, r.value, r.reference ?? '', r.ratio ?? '', r.tail ?? '', r.target ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${cells.map(line).join('\n')}\n`);
}

/** The large archive of a previous run, measured again without seeding or building (--reuse). */
async function benchReused(siteEnv: Record<string, string>): Promise<void> {
  log(`Reusing ${path.relative(ROOT, DATA_DIR)} (${LARGE.toLocaleString('en')} articles): search and pages only, ${CONNECTIONS} connections for ${LOAD_SECONDS} s per page`);
  const site = await startSite({ port: PORT, pgPort: PG_PORT, dataDir: DATA_DIR, env: siteEnv });
  try {
    await benchSearch(site, `${LARGE} articles`);
    await benchPages(site, `direct, ${LARGE} articles`);
    record({ metric: `server RSS after the load, ${LARGE} articles`, value: `${Math.round(rssOf(site.child.pid as number) / 1024 / 1024)} MB`, target: '≤ 400 MB' });
  } finally {
    await site.stop();
  }
}

const seededBefore = (): boolean => {
  try {
    return (JSON.parse(readFileSync(SEEDED_MARKER, 'utf8')) as { articles?: number }).articles === LARGE;
  } catch {
    return false;
  }
};

async function main(): Promise<void> {
  const siteEnv = { CAPTCHA_TEST_CODE: 'FAULTS-CODE', TRUST_PROXY: '1' };
  if (DOCUMENTS_ONLY) {
    log(`Benchmark of documents: ${DOCUMENTS_SMALL.toLocaleString('en')} then ${DOCUMENTS_LARGE.toLocaleString('en')} (load ${readFileSync('/proc/loadavg', 'utf8').trim()})`);
    await benchDocuments(siteEnv, { fresh: true });
    report();
    return;
  }
  if (REUSE && seededBefore()) {
    await benchReused(siteEnv);
    report();
    return;
  }
  if (REUSE) log(`--reuse: ${path.relative(ROOT, DATA_DIR)} holds no archive of ${LARGE.toLocaleString('en')} articles; a full run makes one`);
  removeCluster(DATA_DIR);
  mkdirSync(DATA_DIR, { recursive: true });

  // The small archive: build, serve, measure.
  log(`Benchmark: ${SMALL.toLocaleString('en')} then ${LARGE.toLocaleString('en')} articles, ${CONNECTIONS} connections for ${LOAD_SECONDS} s per page`);
  await measured(process.execPath, ['--import', 'tsx', 'scripts/with-db.ts', '--', 'true'], launcherEnv()); // create, migrate, seed the demo
  await seedMore(SMALL); // on top of the 16 demo articles
  await build(`${SMALL} articles`);
  let site = await startSite({ port: PORT, pgPort: PG_PORT, dataDir: DATA_DIR, env: siteEnv });
  await benchPages(site, 'direct');
  const searchSmall = await benchSearch(site, `${SMALL} articles`);
  await benchComments(site);
  await benchPublish(site, site.url, 'same instance');
  if (VIA_NGINX) {
    const nginx = await startNginx({ upstreamPort: PORT, listenPort: NGINX_PORT, workDir: path.join(DATA_DIR, 'nginx'), log });
    await benchPages(site, 'via nginx', nginx.url);
    await benchPublish(site, nginx.url, 'via nginx');
    await nginx.stop();
  }
  record({ metric: 'server RSS after the load', value: `${Math.round(rssOf(site.child.pid as number) / 1024 / 1024)} MB`, target: '≤ 400 MB' });
  await site.stop();
  if (INSTANCES > 1) await benchInstances(siteEnv);

  // The large archive: the build must not grow with it; search must not slow down much.
  await seedMore(LARGE - SMALL);
  writeFileSync(SEEDED_MARKER, `${JSON.stringify({ articles: LARGE })}\n`);
  await build(`${LARGE} articles`);
  const small = results[`build ${SMALL} articles`] as { seconds: number; peakMb: number };
  const large = results[`build ${LARGE} articles`] as { seconds: number; peakMb: number };
  record({
    metric: 'next build',
    value: `${small.seconds.toFixed(1)} s / ${Math.round(small.peakMb)} MB at ${SMALL}; ${large.seconds.toFixed(1)} s / ${Math.round(large.peakMb)} MB at ${LARGE}`,
    ratio: `${(large.seconds / small.seconds).toFixed(2)}× time, ${(large.peakMb / small.peakMb).toFixed(2)}× memory`,
    target: '≤ 1.5× time',
  });
  site = await startSite({ port: PORT, pgPort: PG_PORT, dataDir: DATA_DIR, env: siteEnv });
  const searchLarge = await benchSearch(site, `${LARGE} articles`);
  record({ metric: 'search ratio', value: `p95 ${ms(searchLarge)} / ${ms(searchSmall)}`, ratio: `${(searchLarge / searchSmall).toFixed(2)}×`, target: '≤ 3×' });
  await benchPages(site, `direct, ${LARGE} articles`);
  record({ metric: `server RSS after the load, ${LARGE} articles`, value: `${Math.round(rssOf(site.child.pid as number) / 1024 / 1024)} MB`, target: '≤ 400 MB' });
  await site.stop();
  // Documents, on the same database beside the large archive (the build is current).
  await benchDocuments(siteEnv, { fresh: false });
  report();
}

/** The table on the terminal, and everything measured as JSON under bench-results/. */
function report(): void {
  (results.load as Record<string, string>).atEnd = readFileSync('/proc/loadavg', 'utf8').trim();
  log(`Load average at the start ${(results.load as Record<string, string>).atStart}, at the end ${(results.load as Record<string, string>).atEnd}`);
  printTable();
  const dir = path.join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ ...results, rows }, null, 2)}\n`);
  log(`Results written to ${path.relative(ROOT, file)}`);
}

await main();
process.exit(0);
